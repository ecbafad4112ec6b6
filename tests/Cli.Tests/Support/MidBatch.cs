using System.Diagnostics;

namespace VideoSearch.Cli.Tests.Support;

/// <summary>Finds the moment a stop lands mid-batch: clips are being committed and an ffmpeg is extracting frames.</summary>
internal static class MidBatch
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Waits until the first video's clips are in the catalog and then until the program has an ffmpeg child (ffmpeg
    /// runs once per clip, so it comes and goes while embedding goes on), and checks that videos are still left to do.
    /// A signal sent right after lands while a video is being extracted and embedded.
    /// </summary>
    public static async Task WaitAsync(CliProcess cli, TempLibrary library)
    {
        await library.WaitForCatalogAsync(c => c.Clips > 0, cli, s_limit);
        var clock = Stopwatch.StartNew();
        while (!ProcessTable.ChildrenOf(cli.Pid).Any(c => c.Contains("ffmpeg", StringComparison.Ordinal)))
        {
            if (cli.HasExited) throw new InvalidOperationException($"videosearch exited with {cli.ExitCode} first:\n{cli.Output}");
            if (clock.Elapsed > s_limit) throw new TimeoutException($"no ffmpeg child within {s_limit} ({library.Counts()}):\n{cli.Output}");
            await Task.Delay(10);
        }
        CatalogCounts counts = library.Counts();
        Assert.True(counts.Indexed < library.Files.Count, $"indexing had already finished ({counts}); the stop would not be mid-batch");
    }
}
