using System.Diagnostics;
using System.Globalization;

namespace VideoSearch.Bench;

/// <summary>
/// Direct ffmpeg runs for the benchmarks' peers and test files (the product goes through FFMpegCore; a benchmark
/// measures ffmpeg's own speed beside it): the generated 1080p camera-like file and ffmpeg's plain decode time.
/// </summary>
internal static class BenchFfmpeg
{
    /// <summary>
    /// Writes <paramref name="seconds"/> of 1920x1080 H.264 at 30 fps from testsrc2 with a keyframe every
    /// <paramref name="gopSeconds"/> s, as cameras write, to <paramref name="file"/>.
    /// </summary>
    public static Task Generate1080pAsync(string file, int seconds, int gopSeconds, CancellationToken token) =>
        RunAsync(["-v", "error", "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=30:duration={seconds}",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", (gopSeconds * 30).ToString(CultureInfo.InvariantCulture),
            "-y", file], null, token);

    /// <summary>
    /// Wall seconds of <c>ffmpeg -threads N -i FILE -map 0:V:0 -f null -</c>: decoding every frame of the video
    /// stream and nothing else, the floor any extraction of that file can reach with <paramref name="threads"/> threads (0: ffmpeg's own choice).
    /// </summary>
    public static async Task<double> DecodeSecondsAsync(string file, int threads, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        await RunAsync(["-v", "error", "-nostdin", "-threads", threads.ToString(CultureInfo.InvariantCulture), "-i", "file:" + file,
            "-map", "0:V:0", "-f", "null", "-"], null, token);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs ffmpeg with <paramref name="arguments"/>, handing its stdout to <paramref name="readStdout"/> when given.</summary>
    public static async Task RunAsync(IReadOnlyList<string> arguments, Func<Stream, Task>? readStdout, CancellationToken token)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = readStdout is not null, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        try
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync(token);
            if (readStdout is not null) await readStdout(process.StandardOutput.BaseStream);
            await process.WaitForExitAsync(token);
            if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {await stderr}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
