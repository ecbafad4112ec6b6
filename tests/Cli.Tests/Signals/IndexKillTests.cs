using System.Diagnostics;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Signals;

/// <summary>
/// SIGKILL of the real <c>videosearch index</c> while its one-pass decoder runs. Nothing can clean up after a kill, so
/// what is left must end by itself: an ffmpeg writing the frames must exit once their reader has gone, including one
/// that had not yet opened its output when the kill came (with a named pipe, that one waited for a reader for ever).
/// </summary>
public sealed class IndexKillTests : IDisposable
{
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(90);
    private TempLibrary? _library;

    [Fact]
    public async Task Index_KilledAsItsDecoderStarts_LeavesNoFfmpegRunning()
    {
        _library = TempLibrary.Create("scenes_2min_320x240.mp4");
        await using CliProcess index = await CliProcess.StartAsync(_library.IndexArguments(),
            new Dictionary<string, string> { ["Indexer__FrameExtraction"] = "OnePass" });

        // Kill as soon as the pass's ffmpeg exists: it has then usually not opened its output yet.
        var clock = Stopwatch.StartNew();
        while (PassDecoders().Count == 0 && !index.HasExited && clock.Elapsed < s_startLimit) await Task.Delay(5);
        Assert.True(PassDecoders().Count > 0, $"no one-pass ffmpeg started:\n{index.Output}");
        index.Signal(Posix.SigKill);
        await index.WaitForExitAsync(TimeSpan.FromSeconds(10));

        // ffmpeg notices at its next open or write, within a frame's decode; 10 s covers a loaded machine.
        clock.Restart();
        while (ProcessTable.Mentioning(_library.Root).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        Assert.Empty(ProcessTable.Mentioning(_library.Root));
    }

    /// <summary>ffmpeg processes of this test running a one-pass decode (the only ones with a filter script).</summary>
    private List<string> PassDecoders() =>
        ProcessTable.Mentioning(_library!.Root).Where(p => p.Contains("-filter_script", StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        // A failed assertion must not leave the ffmpeg it found running.
        if (_library is null) return;
        foreach (string entry in ProcessTable.Mentioning(_library.Root)) Posix.Signal(int.Parse(entry[..entry.IndexOf(':')]), Posix.SigKill);
        _library.Dispose();
    }
}
