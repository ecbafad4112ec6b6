using Microsoft.Playwright;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>The page in Debian's Chromium, headless, against the web host with stand-in search and library services (the access token, errors, a strong best match).</summary>
[Collection(WebServerCollection.Name)]
public sealed class BrowserTests(WebServerFixture fixture) : IAsyncLifetime
{
    private ChromiumBrowser _chromium = null!;

    public async Task InitializeAsync() => _chromium = await ChromiumBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Search_StrongBestMatch_ShowsNoWeakMatchBanner()
    {
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Server.Address.ToString());

        var response = await page.RunAndWaitForResponseAsync(() => PageSteps.SearchAsync(page, "a ball bouncing"),
            r => r.Url.Contains("/api/search?", StringComparison.Ordinal));
        using var answer = System.Text.Json.JsonDocument.Parse(await response.TextAsync());

        // The stand-in search's calibration makes its best moment stand out (see SampleMedia.Calibration).
        Assert.NotEqual("weak", answer.RootElement.GetProperty("bestMatch").GetString());
        Assert.True(await page.Locator("#match-banner").IsHiddenAsync());
        Assert.True(await page.Locator("#results .result-card").CountAsync() > 0);
    }

    [Fact]
    public async Task Search_InvalidQuery_ShowsTheProblemMessage()
    {
        var page = await _chromium.Browser.NewPageAsync();
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
        var page = await _chromium.Browser.NewPageAsync();
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
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());

        await page.WaitForFunctionAsync("() => document.querySelector('#index-state').textContent === 'unavailable'");
        Assert.Contains("Access token required", await page.Locator("#index-message").TextContentAsync());
    }
}
