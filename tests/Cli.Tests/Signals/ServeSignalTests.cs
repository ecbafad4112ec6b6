using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Signals;

/// <summary>
/// Real signals to the real <c>videosearch serve --media</c>, while it watches and while it indexes. A server's normal
/// end is a signal, so it exits 0, within 10 s, with the index saved and no ffmpeg left behind.
/// </summary>
public sealed class ServeSignalTests : IDisposable
{
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(90);
    private TempLibrary? _library;

    [Fact]
    public async Task Serve_SigTermWhileWatching_Exits0WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.SmallFiles);
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port));
        await ServerStatus.WaitForAsync(serve, port, s_startLimit, state: "Watching");

        await StopAssert.StopsCleanlyAsync(serve, _library, () => serve.Signal(Posix.SigTerm), 0);
    }

    [Fact]
    public async Task Serve_CtrlCWhileWatching_Exits0WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.SmallFiles);
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port), terminal: true);
        await ServerStatus.WaitForAsync(serve, port, s_startLimit, state: "Watching");

        await StopAssert.StopsCleanlyAsync(serve, _library, serve.PressCtrlC, 0);
    }

    [Fact]
    public async Task Serve_SigTermMidBatch_Exits0WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.MidBatchFiles);
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port), TempLibrary.ClipByClip);
        await MidBatch.WaitAsync(serve, _library);

        await StopAssert.StopsCleanlyAsync(serve, _library, () => serve.Signal(Posix.SigTerm), 0);
    }

    [Fact]
    public async Task Serve_CtrlCMidBatch_Exits0WithinTenSecondsAndLeavesAVerifiedLibrary()
    {
        _library = TempLibrary.Create(TempLibrary.MidBatchFiles);
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port), TempLibrary.ClipByClip, terminal: true);
        await MidBatch.WaitAsync(serve, _library);

        await StopAssert.StopsCleanlyAsync(serve, _library, serve.PressCtrlC, 0);
    }

    public void Dispose() => _library?.Dispose();
}
