using Microsoft.Playwright;
using VideoSearch.Web.Tests.EndToEnd;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>
/// The player (player.js) in Debian's Chromium, headless, against the real server: every sample format shows a
/// picture at the moment asked for, directly or through the transcode.
/// </summary>
[Collection(PlaybackLibraryCollection.Name)]
public sealed class PlayerBrowserTests(PlaybackLibrary library) : IAsyncLifetime
{
    /// <summary>
    /// How far past the moment the position may be when it is read: the video plays on from its first frame until
    /// the test's poll (every animation frame) sees it; half a second covers a machine busy with ffmpeg and Chromium.
    /// It never lies before the moment: the direct player seeks exactly there, and a transcode's time 0 is the moment.
    /// </summary>
    private const double PlayedOn = 0.5;

    private const string Picture = "() => { const v = document.querySelector('video#player'); return v.videoWidth > 0 && v.readyState >= 2 && !v.seeking; }";

    private ChromiumBrowser _chromium = null!;

    public async Task InitializeAsync() => _chromium = await ChromiumBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Theory]
    [InlineData(PlaybackLibrary.Avi, false)]
    [InlineData(PlaybackLibrary.Hevc, false)]
    [InlineData(PlaybackLibrary.ProRes, false)]
    [InlineData(PlaybackLibrary.Mp4, true)]
    public async Task Open_AtAMoment_ShowsThePictureThere(string file, bool direct)
    {
        const double start = 1.0;
        var page = await OpenPageAsync();

        await OpenAsync(page, file, start);
        await page.WaitForFunctionAsync(Picture, null, new PageWaitForFunctionOptions { Timeout = 20_000 });

        // Paused at once, so that the position read and the title shown are of the same moment however busy the machine.
        double position = await page.EvaluateAsync<double>("() => { document.querySelector('video#player').pause(); return VideoSearchPlayer.position(); }");
        Assert.InRange(position, start - 0.001, start + PlayedOn);
        Assert.Equal(direct ? "true" : "false", await page.EvalOnSelectorAsync<string>("video#player", "v => v.dataset.direct"));
        Assert.True(await page.EvaluateAsync<bool>("() => VideoSearchPlayer.isOpen()"));
        // The title follows the clock at its next timeupdate (pausing fires one).
        await page.WaitForFunctionAsync("expected => document.querySelector('#player-title').textContent === expected",
            $"{file} — 0:01", new PageWaitForFunctionOptions { Timeout = 5_000 });
        // A picture, not black: the samples are test patterns (colour bars, a fractal), bright almost everywhere.
        Assert.True(await MeanBrightnessAsync(page) > 40, $"{file} shows a dark picture");
    }

    [Fact]
    public async Task Open_TranscodedVideoAtAnEarlierMoment_RestartsTheTranscodeThere()
    {
        var page = await OpenPageAsync();
        await OpenAsync(page, PlaybackLibrary.Hevc, 3.0);
        await page.WaitForFunctionAsync(Picture, null, new PageWaitForFunctionOptions { Timeout = 20_000 });

        // The stream began at 3 s, so 1 s is not in it: the player asks for a new transcode from 1 s.
        await OpenAsync(page, PlaybackLibrary.Hevc, 1.0);
        await page.WaitForFunctionAsync($"() => document.querySelector('video#player').currentSrc.includes('start=1.000') && ({Picture})()",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });

        Assert.InRange(await page.EvaluateAsync<double>("() => VideoSearchPlayer.position()"), 1.0 - 0.001, 1.0 + PlayedOn);
    }

    [Fact]
    public async Task Close_DuringATranscode_HidesThePlayerAndEndsTheStream()
    {
        var page = await OpenPageAsync();
        await OpenAsync(page, PlaybackLibrary.ProRes, 0.5);
        await page.WaitForFunctionAsync(Picture, null, new PageWaitForFunctionOptions { Timeout = 20_000 });

        await page.ClickAsync("#player-close");

        Assert.False(await page.EvaluateAsync<bool>("() => VideoSearchPlayer.isOpen()"));
        Assert.True(await page.Locator("#player-panel").IsHiddenAsync());
        // Unloaded: no source, nothing held (NETWORK_EMPTY, HAVE_NOTHING), so the browser has let go of the stream.
        Assert.True(await page.EvalOnSelectorAsync<bool>("video#player", "v => !v.hasAttribute('src') && v.networkState === 0 && v.readyState === 0"));
    }

    private async Task<IPage> OpenPageAsync()
    {
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        return page;
    }

    private Task OpenAsync(IPage page, string file, double start) =>
        page.EvaluateAsync("([id, name, start]) => VideoSearchPlayer.open({ videoId: id, fileName: name, start, playbackUrl: `/api/videos/${id}/playback` })",
            new object[] { library.IdOf(file), file, start });

    /// <summary>
    /// The mean of the red, green and blue values of the frame on screen (0-255), drawn into a canvas. A seek that has
    /// just ended may not have put its frame on screen yet (a busy machine), so it first waits for the next presented
    /// frame (requestVideoFrameCallback), at most 2 s: a paused video presents none, and its frame is there already.
    /// </summary>
    private static Task<double> MeanBrightnessAsync(IPage page) => page.EvaluateAsync<double>(@"async () => {
        const v = document.querySelector('video#player');
        await new Promise(resolve => { v.requestVideoFrameCallback(() => resolve()); setTimeout(resolve, 2000); });
        const c = document.createElement('canvas');
        c.width = v.videoWidth; c.height = v.videoHeight;
        const g = c.getContext('2d');
        g.drawImage(v, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let sum = 0;
        for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
        return sum / (3 * d.length / 4);
    }");
}
