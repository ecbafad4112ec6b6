using Microsoft.Playwright;
using VideoSearch.Web.Tests.EndToEnd;
using VideoSearch.Web.Tests.Support;
using static VideoSearch.Web.Tests.Browser.PageSteps;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>The page on a 390 px-wide phone: no sideways scrolling, every control at least 40 px each way.</summary>
[Collection(PageLibraryCollection.Name)]
public sealed class PhoneLayoutTests(PageLibrary library) : IAsyncLifetime
{
    private ChromiumBrowser _chromium = null!;

    public async Task InitializeAsync() => _chromium = await ChromiumBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Phone390_LibraryResultsAndFilters_FitTheWidthWithTouchSizedControls()
    {
        var page = await _chromium.NewPhonePageAsync();
        await page.GotoAsync(library.Address.ToString());
        await WaitForSettledAsync(page);
        await AssertFitsAsync(page, "library view");

        await SearchAsync(page, "a test pattern");
        await page.ClickAsync("#filters-summary");
        await AssertFitsAsync(page, "results with the filters open");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumBrowser.ScreenshotPath("phone.png"), FullPage = true });
    }

    private static async Task AssertFitsAsync(IPage page, string view)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{view}: the page scrolls sideways at 390 px");
        // Visible controls only: the file input is visually hidden and reached through its button.
        var small = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('button, summary, select, input, a')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden'; })
            .filter(e => { const r = e.getBoundingClientRect(); return r.width < 40 || r.height < 40 || r.right > window.innerWidth + 0.5; })
            .map(e => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`)");
        Assert.True(small.Length == 0, $"{view}: controls smaller than 40 px or past the edge: {string.Join(", ", small)}");
    }
}
