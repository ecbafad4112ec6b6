using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Signals;

/// <summary>
/// Real signals to the real <c>videosearch index</c>: SIGTERM as a service manager sends it, Ctrl+C typed on a
/// terminal. A one-shot run stopped early exits 130 (Ctrl+C) or 143 (SIGTERM); <c>--watch</c> is a service, whose
/// normal end is a signal, and exits 0.
/// </summary>
public sealed class IndexSignalTests : IDisposable
{
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(90);
    private TempLibrary? _library;

    [Fact]
    public async Task Index_SigTermMidBatch_Exits143WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.MidBatchFiles);
        await using CliProcess index = await CliProcess.StartAsync(_library.IndexArguments(), TempLibrary.ClipByClip);
        await MidBatch.WaitAsync(index, _library);

        await StopAssert.StopsCleanlyAsync(index, _library, () => index.Signal(Posix.SigTerm), 143);
    }

    [Fact]
    public async Task Index_CtrlCMidBatch_Exits130WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.MidBatchFiles);
        await using CliProcess index = await CliProcess.StartAsync(_library.IndexArguments(), TempLibrary.ClipByClip, terminal: true);
        await MidBatch.WaitAsync(index, _library);

        await StopAssert.StopsCleanlyAsync(index, _library, index.PressCtrlC, 130);
    }

    [Fact]
    public async Task IndexWatch_SigTermMidBatch_Exits0WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.MidBatchFiles);
        await using CliProcess index = await CliProcess.StartAsync(_library.IndexArguments("--watch"), TempLibrary.ClipByClip);
        await MidBatch.WaitAsync(index, _library);

        await StopAssert.StopsCleanlyAsync(index, _library, () => index.Signal(Posix.SigTerm), 0);
    }

    [Fact]
    public async Task IndexWatch_SigTermWhileWatching_Exits0WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.SmallFiles);
        await using CliProcess index = await CliProcess.StartAsync(_library.IndexArguments("--watch"));
        await WaitIdleAsync(index);

        await StopAssert.StopsCleanlyAsync(index, _library, () => index.Signal(Posix.SigTerm), 0);
    }

    [Fact]
    public async Task IndexWatch_CtrlCWhileWatching_Exits0WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.SmallFiles);
        await using CliProcess index = await CliProcess.StartAsync(_library.IndexArguments("--watch"), terminal: true);
        await WaitIdleAsync(index);

        await StopAssert.StopsCleanlyAsync(index, _library, index.PressCtrlC, 0);
    }

    /// <summary>Until the first pass is over: every file indexed and the vector index saved; the watcher is idle.</summary>
    private async Task WaitIdleAsync(CliProcess index)
    {
        await _library!.WaitForCatalogAsync(c => c.Indexed == _library.Files.Count, index, s_startLimit);
        string vectors = Path.Combine(_library.Database, "vectors.hnsw");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(vectors) && clock.Elapsed < s_startLimit && !index.HasExited) await Task.Delay(50);
        Assert.True(File.Exists(vectors), $"the first pass saved no vector index:\n{index.Output}");
        Assert.False(index.HasExited, $"index --watch ended by itself with {(index.HasExited ? index.ExitCode : 0)}:\n{index.Output}");
    }

    public void Dispose() => _library?.Dispose();
}
