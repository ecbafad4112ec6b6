using System.Diagnostics;
using System.Globalization;

namespace VideoSearch.Core.Tests.Media;

/// <summary>
/// A long synthetic video made with ffmpeg's lavfi test source at a tiny size (32x32, 4 fps, keyframe every 10 s):
/// two hours encode in about a second and make a plan of thousands of clips.
/// </summary>
internal sealed class LongVideo : IDisposable
{
    private LongVideo(string path) => Path = path;

    public string Path { get; }

    public static LongVideo Create(TimeSpan duration)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"videosearch-long-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (string a in new[] { "-nostdin", "-v", "error", "-f", "lavfi",
                     "-i", $"testsrc2=s=32x32:r=4:d={duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}",
                     "-c:v", "libx264", "-preset", "ultrafast", "-g", "40", "-pix_fmt", "yuv420p", "-y", path })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not make {path}: {errors}");
        return new LongVideo(path);
    }

    public void Dispose() => File.Delete(Path);
}
