using Microsoft.Playwright;
using VideoSearch.Web.Tests.Browser;

namespace VideoSearch.Web.Tests.Support;

/// <summary>Debian's Chromium, headless, driven by Playwright; one per test class.</summary>
internal sealed class ChromiumBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        return new ChromiumBrowser(playwright, browser);
    }

    /// <summary>A desktop-sized page (1280 × 860).</summary>
    public Task<IPage> NewPageAsync() =>
        Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });

    /// <summary>A phone: 390 px wide, touch, twice the pixel density.</summary>
    public Task<IPage> NewPhonePageAsync() =>
        Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });

    /// <summary>Where a test's screenshots go (beside the test assembly).</summary>
    public static string ScreenshotPath(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
