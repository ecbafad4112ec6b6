using System.Text.Json;
using Microsoft.Playwright;
using VideoSearch.Web.Tests.EndToEnd;
using VideoSearch.Web.Tests.Support;
using static VideoSearch.Web.Tests.Browser.PageSteps;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>Search results as moments, more like this, the keyboard and the scrub preview, against the real server.</summary>
[Collection(PageLibraryCollection.Name)]
public sealed class SearchPageTests(PageLibrary library) : IAsyncLifetime
{
    private const string Query = "a test pattern";
    private ChromiumBrowser _chromium = null!;

    public async Task InitializeAsync() => _chromium = await ChromiumBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Results_ShowAtMostThreeMomentsPerCardWithoutOverlapsAndPlayTheMomentOnClick()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        var response = await page.RunAndWaitForResponseAsync(() => SearchAsync(page, Query), r => r.Url.Contains("/api/search?", StringComparison.Ordinal));
        using var answer = JsonDocument.Parse(await response.TextAsync());
        var videos = answer.RootElement.GetProperty("videos").EnumerateArray().ToList();
        Assert.NotEmpty(videos);

        var cards = page.Locator("#results .result-card");
        Assert.Equal(videos.Count, await cards.CountAsync());
        for (int i = 0; i < videos.Count; i++)
        {
            var card = cards.Nth(i);
            var moments = videos[i].GetProperty("moments").EnumerateArray().ToList();
            var shown = await card.EvaluateAsync<double[][]>("c => [...c.querySelectorAll('.moment')].map(m => [Number(m.dataset.start), Number(m.dataset.end)])");
            Assert.InRange(shown.Length, 1, 3);
            // The best moments, best first, as the API ranked them.
            Assert.Equal(moments.Take(3).Select(m => m.GetProperty("startSeconds").GetDouble()), shown.Select(m => m[0]));
            var inTimeOrder = shown.OrderBy(m => m[0]).ToList();
            for (int k = 1; k < inTimeOrder.Count; k++)
                Assert.True(inTimeOrder[k - 1][1] <= inTimeOrder[k][0], $"card {i}: moments {inTimeOrder[k - 1][0]}-{inTimeOrder[k - 1][1]} and {inTimeOrder[k][0]}-{inTimeOrder[k][1]} overlap");
            Assert.Equal(moments.Count, await card.Locator(".relevance-strip .segment").CountAsync());
            // A readable level for every moment; the raw logit only in the tooltip.
            var levels = await card.Locator(".moment .match-level").AllTextContentsAsync();
            Assert.All(levels, l => Assert.Contains(l, new[] { "strong match", "good match", "weak match" }));
            Assert.Contains("score", await card.Locator(".moment").First.GetAttributeAsync("title"));
            string text = await card.InnerTextAsync();
            Assert.DoesNotMatch(@"\d\.\d\d", text);
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumBrowser.ScreenshotPath("results.png"), FullPage = true });

        var longCard = cards.Filter(new LocatorFilterOptions { HasText = PageLibrary.LongVideo });
        var moment = longCard.Locator(".moment").Last;
        double start = double.Parse((await moment.GetAttributeAsync("data-start"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => document.addEventListener('seeked', e => { window.seekedAt ??= e.target.currentTime; }, true)");
        await moment.ClickAsync();
        await page.WaitForFunctionAsync("() => window.seekedAt !== undefined", null, Patient);
        // Chromium reports the requested position after a seek; 0.5 s allows a player that snaps to a nearby frame.
        Assert.InRange(await page.EvaluateAsync<double>("() => window.seekedAt"), start - 0.5, start + 0.5);
        Assert.True(await PlayerOpenAsync(page));
    }

    [Fact]
    public async Task MoreLikeThis_OnAMoment_SearchesItsClipAndPutsItInTheAddress()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        await SearchAsync(page, Query);
        var moment = page.Locator("#results .moment").First;
        string clip = (await moment.GetAttributeAsync("data-peak-clip-id"))!;

        var request = await page.RunAndWaitForRequestAsync(() => page.Locator("#results .more-like").First.ClickAsync(),
            r => r.Url.Contains($"/api/clips/{clip}/similar", StringComparison.Ordinal));
        Assert.Equal("24", PageSteps.Query(request.Url)["top"]);
        await WaitForSettledAsync(page);
        Assert.Equal($"/?similar={clip}", PathAndQuery(page));
        Assert.StartsWith("Moments like ", await page.Locator("#view-title").TextContentAsync());
        Assert.NotEmpty(await FileNamesAsync(page));
        Assert.Equal("", await page.InputValueAsync("#query"));

        // The address alone repeats it (a bookmark), and Back returns to the text search.
        var again = await _chromium.NewPageAsync();
        await again.RunAndWaitForRequestAsync(() => again.GotoAsync(page.Url), r => r.Url.Contains($"/api/clips/{clip}/similar", StringComparison.Ordinal));
        await WaitForSettledAsync(again);
        Assert.Equal(await FileNamesAsync(page), await FileNamesAsync(again));
        await page.GoBackAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('#query').value === '{Query}'", null, Patient);
    }

    [Fact]
    public async Task Keyboard_SlashArrowsEnterAndEscape_FocusMoveBetweenMomentsPlayAndClose()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        await WaitForSettledAsync(page);
        await page.EvaluateAsync("() => document.activeElement.blur()");

        await page.Keyboard.PressAsync("/");
        Assert.Equal("query", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("", await page.InputValueAsync("#query"));
        // Inside a text field "/" is a character, not a shortcut.
        await page.Keyboard.TypeAsync("a/b");
        Assert.Equal("a/b", await page.InputValueAsync("#query"));

        await SearchAsync(page, Query);
        int moments = await page.Locator("#results .moment").CountAsync();
        Assert.True(moments >= 2, $"{moments} moments: too few to move between");
        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(0, await FocusedMomentAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(1, await FocusedMomentAsync(page));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(0, await FocusedMomentAsync(page));
        await page.Keyboard.PressAsync("Tab"); // the moment's own "More like this"
        Assert.Equal("more-like", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(1, await FocusedMomentAsync(page));

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => window.VideoSearchPlayer ? window.VideoSearchPlayer.isOpen() : !document.querySelector('#player-panel').hidden", null, Patient);
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await PlayerOpenAsync(page));
    }

    [Fact]
    public async Task Results_BestMatchWeak_SayHonestlyThatNothingMatchesWell()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        var response = await page.RunAndWaitForResponseAsync(() => SearchAsync(page, Query), r => r.Url.Contains("/api/search?", StringComparison.Ordinal));
        using var answer = JsonDocument.Parse(await response.TextAsync());

        // The tiny model's weights are random: no moment stands out from the library's own scores, and the server
        // says so (its calibration, not the page, decides). The page must pass that on rather than rank the least bad.
        Assert.Equal("weak", answer.RootElement.GetProperty("bestMatch").GetString());
        var banner = page.Locator("#match-banner");
        Assert.True(await banner.IsVisibleAsync());
        Assert.Contains(Query, await banner.TextContentAsync());
        Assert.True(await page.Locator("#results .result-card").CountAsync() > 0);
    }

    [Fact]
    public async Task Scrub_PointerAcrossTheThumbnail_ShowsTheMomentsPreviewTilesInTimeOrder()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        await SearchAsync(page, Query);
        var thumb = page.Locator("#results .result-card .thumb-button").First;
        var box = (await thumb.BoundingBoxAsync())!;

        // One pixel in from each edge: the first tile of the first clip and the last tile of the last, however many
        // clips the moment holds (a tile is width / (4 x clips) wide).
        await page.Mouse.MoveAsync(box.X + 1, box.Y + box.Height / 2);
        await page.WaitForFunctionAsync("() => document.querySelector('.scrub-frame:not([hidden])')?.dataset.tile === '0'", null, Patient);
        string first = await FrameAsync(page);
        Assert.Contains("/preview", first);
        await page.Mouse.MoveAsync(box.X + box.Width - 1, box.Y + box.Height / 2);
        await page.WaitForFunctionAsync("() => document.querySelector('.scrub-frame:not([hidden])')?.dataset.tile === '3'", null, Patient);
        Assert.Contains("/preview", await FrameAsync(page));
        Assert.Matches(@"^\d+:\d\d$", await page.Locator(".scrub-time:not([hidden])").TextContentAsync());

        await page.Mouse.MoveAsync(1, 1);
        Assert.Equal(0, await page.Locator(".scrub-frame:not([hidden])").CountAsync());
    }

    [Fact]
    public async Task Scrub_PreviewStripMissing_FallsBackToTheClipThumbnail()
    {
        var page = await _chromium.NewPageAsync();
        // A library indexed before previews existed answers 404 for every strip.
        await page.RouteAsync("**/api/clips/*/preview*", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));
        await page.GotoAsync(library.Address.ToString());
        await SearchAsync(page, Query);
        var thumb = page.Locator("#results .result-card .thumb-button").First;
        var box = (await thumb.BoundingBoxAsync())!;

        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height / 2);
        await page.WaitForFunctionAsync("() => document.querySelector('.scrub-frame:not([hidden])')?.dataset.tile === 'thumbnail'", null, Patient);
        Assert.Contains("/thumbnail", await FrameAsync(page));
    }

    private static Task<int> FocusedMomentAsync(IPage page) =>
        page.EvaluateAsync<int>("() => [...document.querySelectorAll('#results .moment')].indexOf(document.activeElement)");

    private static Task<string> FrameAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('.scrub-frame:not([hidden])').style.backgroundImage");
}
