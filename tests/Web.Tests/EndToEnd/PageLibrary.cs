using System.Diagnostics;
using System.Globalization;
using VideoSearch.TestSupport;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// The real <c>videosearch serve</c> (tiny model) over a library laid out for the page's tests: videos at the top,
/// in <c>holiday</c> and <c>holiday/2024</c>, lengths from 3 s to 2 minutes, known modification days, and enough
/// small generated videos in <c>clips</c> that the library view has a second page.
/// </summary>
public sealed class PageLibrary : IAsyncLifetime
{
    /// <summary>The sample files, where they are put, and the day each was last modified (UTC noon).</summary>
    public static readonly (string Fixture, string RelativePath, string Modified)[] SampleFiles =
    [
        ("webm_vp9_opus_320x240.webm", "holiday/2024/webm_vp9_opus_320x240.webm", "2024-07-20"),
        ("scenes_2min_320x240.mp4", "scenes_2min_320x240.mp4", "2024-06-01"),
        ("mp4_h264_aac_320x240.mp4", "mp4_h264_aac_320x240.mp4", "2024-03-10"),
        ("café vidéo – l'été 動画.mp4", "holiday/café vidéo – l'été 動画.mp4", "2023-08-15"),
        ("no_audio_320x240.mp4", "no_audio_320x240.mp4", "2022-01-05"),
    ];

    /// <summary>Generated 4 s videos in <c>clips</c>, modified on consecutive days of 2021, older than every sample file.</summary>
    public const int GeneratedCount = 8;

    public const string LongVideo = "scenes_2min_320x240.mp4";

    private readonly string _root = Directory.CreateTempSubdirectory("videosearch-page-").FullName;
    private ServeProcess? _server;

    public string MediaFolder => Path.Combine(_root, "media");

    public Uri Address => _server!.Client.BaseAddress!;

    public HttpClient Client => _server!.Client;

    public static int VideoCount => SampleFiles.Length + GeneratedCount;

    /// <summary>Every file name, newest modified first: the library view's order.</summary>
    public static IReadOnlyList<string> NewestFirst =>
        SampleFiles.Select(f => Path.GetFileName(f.RelativePath)).Concat(Enumerable.Range(1, GeneratedCount).Reverse().Select(Generated)).ToList();

    public static string Generated(int n) => $"generated_{n:00}.mp4";

    public async Task InitializeAsync()
    {
        foreach (var (fixture, relative, modified) in SampleFiles)
        {
            string target = Path.Combine(MediaFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Fixtures.Media, fixture), target);
            File.SetLastWriteTimeUtc(target, Noon(modified));
        }
        Directory.CreateDirectory(Path.Combine(MediaFolder, "clips"));
        for (int n = 1; n <= GeneratedCount; n++)
        {
            string target = Path.Combine(MediaFolder, "clips", Generated(n));
            await GenerateAsync(target, n);
            File.SetLastWriteTimeUtc(target, Noon("2021-03-01").AddDays(n));
        }
        // Thirteen small files with the tiny model; the bound is generous for a loaded CI machine.
        _server = ServeProcess.Start(MediaFolder, Path.Combine(_root, "db"));
        await _server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static DateTime Noon(string day) =>
        DateTime.SpecifyKind(DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(12), DateTimeKind.Utc);

    /// <summary>A 4 s H.264 test pattern, its hue turned by <paramref name="n"/> so no two files are alike.</summary>
    private static async Task GenerateAsync(string target, int n)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=4",
                     "-vf", $"hue=h={n * 40}", "-c:v", "libx264", "-pix_fmt", "yuv420p", target })
            start.ArgumentList.Add(arg);
        using var ffmpeg = Process.Start(start)!;
        string errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not make {target}: {errors}");
    }
}

[CollectionDefinition(Name)]
public sealed class PageLibraryCollection : ICollectionFixture<PageLibrary>
{
    public const string Name = "page library";
}
