using Microsoft.Playwright;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>The page in Debian's Chromium, headless, against the real server.</summary>
[Collection(WebServerCollection.Name)]
public sealed class BrowserTests(WebServerFixture fixture) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Search_TypeQueryAndClickTimeRange_PlaysFromClipStart()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        await page.GotoAsync(fixture.Server.Address.ToString());

        await page.FillAsync("#query", "a ball bouncing");
        await page.PressAsync("#query", "Enter");
        var cards = page.Locator(".result-card");
        await cards.First.WaitForAsync();

        Assert.Equal(4, await cards.CountAsync());
        Assert.Equal("scenes_2min_320x240.mp4", await cards.First.Locator(".file-name").TextContentAsync());
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.result-card img.thumb')].slice(0, 3).every(i => i.complete && i.naturalWidth > 0)");
        Assert.Equal(3, await cards.First.Locator(".relevance-strip .segment").CountAsync());
        await page.WaitForFunctionAsync("() => document.querySelector('#index-counts').textContent.includes('4 / 10')");
        Assert.Equal("1 file could not be indexed", await page.Locator("#index-errors-summary").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("results.png"), FullPage = true });

        // Record where the first seek lands before the video advances past it.
        await page.EvaluateAsync("() => document.querySelector('video#player').addEventListener('seeked', e => { window.seekedAt ??= e.target.currentTime; })");
        var chip = cards.First.Locator(".time-range", new LocatorLocatorOptions { HasText = "0:25–0:35" });
        await chip.ClickAsync();
        await page.WaitForFunctionAsync("() => window.seekedAt !== undefined", null, new PageWaitForFunctionOptions { Timeout = 20_000 });

        double seekedAt = await page.EvaluateAsync<double>("() => window.seekedAt");
        // Chromium reports the requested position after a seek (it decodes from the previous keyframe, 20 s here,
        // up to it); 0.5 s allows a player that snaps to a nearby frame or has already advanced a few frames.
        Assert.InRange(seekedAt, SampleMedia.BestClipStart - 0.5, SampleMedia.BestClipStart + 0.5);
        await page.WaitForFunctionAsync(
            $"() => {{ const v = document.querySelector('video#player'); return !v.paused && v.currentTime > {SampleMedia.BestClipStart}; }}",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.True(await page.Locator("#player-panel").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("player.png") });
    }

    [Fact]
    public async Task Search_PhoneViewport_CardsFitTheWidth()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        await page.GotoAsync(fixture.Server.Address.ToString());

        await page.FillAsync("#query", "a ball bouncing");
        await page.PressAsync("#query", "Enter");
        await page.Locator(".result-card").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.result-card img.thumb').naturalWidth > 0");

        bool noHorizontalScroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        Assert.True(noHorizontalScroll, "the page scrolls sideways at 375 px");
        var rights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.result-card')].map(c => c.getBoundingClientRect().right)");
        Assert.All(rights, r => Assert.True(r <= 375, $"a card ends at {r} px"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("phone.png"), FullPage = true });
    }

    [Fact]
    public async Task Search_InvalidQuery_ShowsTheProblemMessage()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(fixture.Server.Address.ToString());

        // Longer than the server's 1000-character limit; the input's own maxlength is removed to send it.
        await page.EvaluateAsync("() => document.querySelector('#query').removeAttribute('maxlength')");
        await page.FillAsync("#query", new string('x', 1200));
        await page.PressAsync("#query", "Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#message').classList.contains('error')");

        string? message = await page.Locator("#message").TextContentAsync();
        Assert.Contains("at most 1000", message);
        Assert.Equal(0, await page.Locator(".result-card").CountAsync());
    }

    [Fact]
    public async Task Search_TokenInPageAddress_SentWithEveryRequest()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value, o => o.AccessToken = TokenServerFixture.Token);
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(server.Address + "#token=" + TokenServerFixture.Token);

        await page.FillAsync("#query", "a ball bouncing");
        await page.PressAsync("#query", "Enter");
        await page.Locator(".result-card").First.WaitForAsync();

        // Thumbnails (img src) carry the token in the query string; the status poll sends it as a header.
        await page.WaitForFunctionAsync("() => document.querySelector('.result-card img.thumb').naturalWidth > 0");
        await page.WaitForFunctionAsync("() => document.querySelector('#index-state').textContent.startsWith('Indexing')");
        await page.Locator(".result-card .thumb-button").First.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('video#player').readyState >= 1", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
    }

    [Fact]
    public async Task Page_WithoutTokenOnProtectedServer_ShowsWhyStatusFails()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value, o => o.AccessToken = TokenServerFixture.Token);
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());

        await page.WaitForFunctionAsync("() => document.querySelector('#index-state').textContent === 'unavailable'");
        Assert.Contains("Access token required", await page.Locator("#index-message").TextContentAsync());
    }

    private static string ScreenshotPath(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
