using Microsoft.Playwright;
using VideoSearch.Web.Tests.EndToEnd;
using VideoSearch.Web.Tests.Support;
using static VideoSearch.Web.Tests.Browser.PageSteps;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>The page with no query (the library view), its filters and its address, against the real server.</summary>
[Collection(PageLibraryCollection.Name)]
public sealed class LibraryViewTests(PageLibrary library) : IAsyncLifetime
{
    private const int PageSize = 12;
    private ChromiumBrowser _chromium = null!;

    public async Task InitializeAsync() => _chromium = await ChromiumBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task LibraryView_NoQuery_ShowsRecentVideosWithThumbnailsAndPages()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        await WaitForSettledAsync(page);

        Assert.Equal("Recent videos", await page.Locator("#view-title").TextContentAsync());
        Assert.Equal(PageLibrary.NewestFirst.Take(PageSize), await FileNamesAsync(page));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.library-card img.thumb')].slice(0, 4).every(i => i.complete && i.naturalWidth > 0)", null, Patient);
        Assert.Equal("Page 1 of 2", await page.Locator("#page-label").TextContentAsync());
        Assert.True(await page.Locator("#page-previous").IsDisabledAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumBrowser.ScreenshotPath("library.png"), FullPage = true });

        await page.ClickAsync("#page-next");
        await page.WaitForFunctionAsync("() => document.querySelector('#page-label').textContent === 'Page 2 of 2'", null, Patient);
        await WaitForSettledAsync(page);
        Assert.Equal("/?page=2", PathAndQuery(page));
        Assert.Equal(PageLibrary.NewestFirst.Skip(PageSize), await FileNamesAsync(page));

        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#page-label').textContent === 'Page 1 of 2'", null, Patient);
        await WaitForSettledAsync(page);
        Assert.Equal(PageLibrary.NewestFirst.Take(PageSize), await FileNamesAsync(page));
    }

    [Fact]
    public async Task Filters_FolderLengthAndDate_ChangeTheRequestTheResultsAndTheAddress()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        await WaitForSettledAsync(page);
        await page.ClickAsync("#filters-summary");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#filter-folder option')].some(o => o.value === 'holiday/2024')", null, Patient);

        var request = await page.RunAndWaitForRequestAsync(() => page.SelectOptionAsync("#filter-folder", "holiday"),
            r => r.Url.Contains("/api/videos?", StringComparison.Ordinal));
        Assert.Equal("holiday", Query(request.Url)["folder"]);
        await WaitForSettledAsync(page);
        Assert.Equal(["webm_vp9_opus_320x240.webm", "café vidéo – l'été 動画.mp4"], await FileNamesAsync(page));
        Assert.Equal("/?folder=holiday", PathAndQuery(page));
        Assert.Equal("Filters (1)", await page.Locator("#filters-summary").TextContentAsync());

        request = await page.RunAndWaitForRequestAsync(async () =>
        {
            await page.FillAsync("#filter-min-duration", "4");
            await page.DispatchEventAsync("#filter-min-duration", "change");
        }, r => r.Url.Contains("minDuration=4", StringComparison.Ordinal));
        await WaitForSettledAsync(page);
        Assert.Equal(["webm_vp9_opus_320x240.webm"], await FileNamesAsync(page));

        await page.ClickAsync("#filter-clear");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#results .result-card').length === 12", null, Patient);
        Assert.Equal("/", PathAndQuery(page));

        // The "from" day starts at local midnight and reaches the server as an instant.
        request = await page.RunAndWaitForRequestAsync(async () =>
        {
            await page.FillAsync("#filter-modified-after", "2024-01-01");
            await page.DispatchEventAsync("#filter-modified-after", "change");
        }, r => r.Url.Contains("modifiedAfter=", StringComparison.Ordinal));
        Assert.True(DateTimeOffset.TryParse(Query(request.Url)["modifiedAfter"], out _));
        await WaitForSettledAsync(page);
        Assert.Equal(PageLibrary.NewestFirst.Take(3), await FileNamesAsync(page));
        Assert.Equal("/?modifiedAfter=2024-01-01", PathAndQuery(page));
    }

    [Fact]
    public async Task Filters_OnATextSearch_AreSentWithTheQueryAndLimitTheResults()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());
        await SearchAsync(page, "a test pattern");
        Assert.NotEmpty(await FileNamesAsync(page));
        await page.ClickAsync("#filters-summary");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#filter-folder option')].some(o => o.value === 'clips')", null, Patient);

        var request = await page.RunAndWaitForRequestAsync(() => page.SelectOptionAsync("#filter-folder", "clips"),
            r => r.Url.Contains("/api/search?", StringComparison.Ordinal));
        var query = Query(request.Url);
        Assert.Equal(("a test pattern", "clips"), (query["q"], query["folder"]));
        await WaitForSettledAsync(page);
        var names = await FileNamesAsync(page);
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.StartsWith("generated_", n));
        Assert.Equal("/?q=a+test+pattern&folder=clips", PathAndQuery(page));
    }

    [Fact]
    public async Task Address_BookmarkBackAndForward_RestoreQueryFiltersAndResults()
    {
        var page = await _chromium.NewPageAsync();
        // A bookmarked search runs on load, with its filters shown in the form.
        var first = await page.RunAndWaitForRequestAsync(() => page.GotoAsync(library.Address + "?q=a+red+screen&folder=holiday"),
            r => r.Url.Contains("/api/search?", StringComparison.Ordinal));
        Assert.Equal(("a red screen", "holiday"), (Query(first.Url)["q"], Query(first.Url)["folder"]));
        await WaitForSettledAsync(page);
        Assert.Equal("a red screen", await page.InputValueAsync("#query"));
        Assert.Equal("holiday", await page.InputValueAsync("#filter-folder"));
        Assert.Equal("Moments matching “a red screen”", await page.Locator("#view-title").TextContentAsync());

        await SearchAsync(page, "colour bars");
        Assert.Equal("/?q=colour+bars&folder=holiday", PathAndQuery(page));

        var back = await page.RunAndWaitForRequestAsync(() => page.GoBackAsync(), r => r.Url.Contains("/api/search?", StringComparison.Ordinal));
        Assert.Equal("a red screen", Query(back.Url)["q"]);
        await WaitForSettledAsync(page);
        Assert.Equal("a red screen", await page.InputValueAsync("#query"));
        Assert.Equal("Moments matching “a red screen”", await page.Locator("#view-title").TextContentAsync());

        var forward = await page.RunAndWaitForRequestAsync(() => page.GoForwardAsync(), r => r.Url.Contains("/api/search?", StringComparison.Ordinal));
        Assert.Equal("colour bars", Query(forward.Url)["q"]);
        await WaitForSettledAsync(page);
        Assert.Equal("colour bars", await page.InputValueAsync("#query"));

        // An empty search is the library view, its own history entry.
        await page.FillAsync("#query", "");
        await page.PressAsync("#query", "Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#view-title').textContent === 'Videos'", null, Patient);
        Assert.Equal("/?folder=holiday", PathAndQuery(page));
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#query').value === 'colour bars'", null, Patient);
    }
}
