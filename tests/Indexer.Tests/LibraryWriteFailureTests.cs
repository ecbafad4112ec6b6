using System.Diagnostics;
using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Progress;
using VideoSearch.Indexer.Verification;
using VideoSearch.TestSupport;

namespace VideoSearch.Indexer.Tests;

/// <summary>
/// The library's disk refusing writes in the middle of a real <c>videosearch index</c> run. The refusal is the
/// kernel's own: the run gets a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored), so once the catalog's journal
/// would grow past it every write fails, as on a full disk, and SQLite reports an I/O error. No root is needed,
/// unlike mounting a small tmpfs (with which the same behaviour was checked by hand).
/// </summary>
public sealed class LibraryWriteFailureTests : IDisposable
{
    private static readonly string[] s_files =
        [.. TestLibrary.SmallGoodFiles, "scenes_2min_320x240.mp4", "real_bbb_0_30s_vp8_1280x720.webm", "bad_truncated.mp4", "audio_only_aac.mp4"];

    private readonly TestLibrary _library = TestLibrary.Create(s_files);

    [Fact]
    public async Task Index_WritesRefusedMidRun_StopsWithOneClearLineBlamesNoVideoAndRerunIndexesEveryFile()
    {
        (int exit, string stderr) = await RunIndexWithFileSizeLimitAsync(kilobytes: 1800);

        Assert.True(exit != 0, $"the run did not fail: {stderr}");
        Assert.Contains($"error: indexing failed: The library in {_library.Database} cannot be written", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
        List<VideoRecord> videos = await _library.VideosAsync();
        // 1800 KB: the journal outgrows it after a few videos (about 3 of these 11), so the refusal falls mid-run.
        Assert.Contains(videos, v => v.Status == VideoStatus.Indexed);
        Assert.Contains(videos, v => v.Status == VideoStatus.Pending);
        Assert.All(videos.Where(v => v.Status == VideoStatus.Failed),
            v => Assert.Equal(FailureCause.File, FailureKinds.CauseOf(v.ErrorKind)));

        IndexingSummary rerun = await _library.IndexAsync();

        Assert.DoesNotContain(rerun.Failed, e => e.Cause == FailureCause.Environment);
        var manifest = TestLibrary.Manifest();
        foreach (string name in s_files)
        {
            VideoRecord video = (await _library.VideoAsync(name))!;
            Assert.Equal(manifest[name].Expect == "index" ? VideoStatus.Indexed : VideoStatus.Failed, video.Status);
        }
        VerificationReport report = await _library.VerifyAsync();
        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));
    }

    private async Task<(int Exit, string Stderr)> RunIndexWithFileSizeLimitAsync(int kilobytes)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Ignored, SIGXFSZ turns into EFBIG from write(2); W^X off because the runtime's double-mapped code heap
        // is itself a file the limit would refuse.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        foreach (string argument in new[]
                 {
                     "-c", "trap '' XFSZ; ulimit -f \"$0\"; exec \"$@\"", kilobytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "dotnet", Fixtures.CliAssembly(), "index", _library.Root, "--db", _library.Database, "--model", TestLibrary.Model,
                 })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        await output;
        return (process.ExitCode, await error);
    }

    public void Dispose() => _library.Dispose();
}
