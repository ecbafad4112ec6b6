using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>What a person does on the page, as the browser tests repeat it.</summary>
internal static class PageSteps
{
    /// <summary>A long wait for a page on a shared, loaded machine (the real search runs the model).</summary>
    public static readonly PageWaitForFunctionOptions Patient = new() { Timeout = 30_000 };

    /// <summary>Types <paramref name="query"/>, presses Enter, and waits for the answer's cards and message.</summary>
    public static async Task SearchAsync(IPage page, string query)
    {
        await page.FillAsync("#query", query);
        await page.RunAndWaitForResponseAsync(() => page.PressAsync("#query", "Enter"),
            r => r.Url.Contains("/api/search?", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 30_000 });
        await WaitForSettledAsync(page);
    }

    /// <summary>Waits until the results are no longer loading.</summary>
    public static Task WaitForSettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !document.querySelector('#results').hasAttribute('aria-busy')", null, Patient);

    public static Task<string[]> FileNamesAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#results .file-name')].map(e => e.textContent)");

    /// <summary>The query string parameters of a request's URL.</summary>
    public static Dictionary<string, string> Query(string url) =>
        QueryHelpers.ParseQuery(new Uri(url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    /// <summary>The page's address after the origin: path and query string.</summary>
    public static string PathAndQuery(IPage page) => new Uri(page.Url).PathAndQuery;

    /// <summary>Whether the player is showing (player.js's, or the page's own panel).</summary>
    public static Task<bool> PlayerOpenAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => window.VideoSearchPlayer ? window.VideoSearchPlayer.isOpen() : !document.querySelector('#player-panel').hidden");
}
