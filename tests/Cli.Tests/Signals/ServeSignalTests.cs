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

    [Fact]
    public async Task Serve_SigTermDuringATranscode_Exits0WithinTenSecondsWithNoFfmpegLeft()
    {
        _library = TempLibrary.Create("scenes_2min_320x240.mp4");
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port));
        await ServerStatus.WaitForAsync(serve, port, s_startLimit, state: "Watching");
        using var viewer = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        // Two minutes of video, read a little and then not at all: ffmpeg is running (or blocked on the full pipe) at the signal.
        using var response = await viewer.GetAsync("/api/videos/1/transcode?start=5", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.IsSuccessStatusCode, $"transcode answered {(int)response.StatusCode}:\n{serve.Output}");
        await using Stream body = await response.Content.ReadAsStreamAsync();
        Assert.Equal(4096, await body.ReadAtLeastAsync(new byte[4096], 4096, throwOnEndOfStream: false));
        Assert.NotEmpty(_library.LeftoverProcesses());

        await StopAssert.StopsCleanlyAsync(serve, _library, () => serve.Signal(Posix.SigTerm), 0);
    }

    public void Dispose() => _library?.Dispose();
}
