using System.Diagnostics;
using Microsoft.Playwright;
using VideoSearch.TestSupport;
using VideoSearch.Web.Tests.EndToEnd;
using VideoSearch.Web.Tests.Support;
using static VideoSearch.Web.Tests.Browser.PageSteps;

namespace VideoSearch.Web.Tests.Browser;

/// <summary>Search by example on the page: a chosen image, a dropped video, and a file refused before it is sent.</summary>
[Collection(PageLibraryCollection.Name)]
public sealed class ExampleSearchTests(PageLibrary library) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vs-example-").FullName;
    private ChromiumBrowser _chromium = null!;

    public async Task InitializeAsync() => _chromium = await ChromiumBrowser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Example_ChosenImage_ShowsMomentsAndStoresNothingInTheMediaFolder()
    {
        string image = await StillFromAsync(PageLibrary.LongVideo, 25, "ball.png");
        string[] mediaBefore = MediaFiles();
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());

        var response = await page.RunAndWaitForResponseAsync(() => page.SetInputFilesAsync("#example-file", image),
            r => r.Url.Contains("/api/search/example", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 60_000 });
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", await response.Request.HeaderValueAsync("content-type"));
        await WaitForSettledAsync(page);

        Assert.True(await page.Locator("#results .result-card .moment").CountAsync() > 0);
        Assert.False(await page.Locator("#message").EvaluateAsync<bool>("m => m.classList.contains('error')"));
        Assert.Equal(mediaBefore, MediaFiles());
    }

    [Fact]
    public async Task Example_DroppedVideo_IsSentAsTheBodyAndShowsMoments()
    {
        byte[] video = await File.ReadAllBytesAsync(Path.Combine(Fixtures.Media, "mp4_h264_aac_320x240.mp4"));
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(library.Address.ToString());

        // A drop as the browser delivers it: a DataTransfer holding the file, through dragenter, dragover and drop.
        var response = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync(
            """
            bytes => {
              const file = new File([Uint8Array.from(atob(bytes), c => c.charCodeAt(0))], 'clip.mp4', { type: 'video/mp4' });
              const data = new DataTransfer();
              data.items.add(file);
              for (const type of ['dragenter', 'dragover', 'drop'])
                document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """, Convert.ToBase64String(video)),
            r => r.Url.Contains("/api/search/example", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 60_000 });

        Assert.Equal(200, response.Status);
        Assert.Equal("video/mp4", await response.Request.HeaderValueAsync("content-type"));
        Assert.Equal(video.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Request.HeaderValueAsync("content-length"));
        await WaitForSettledAsync(page);
        Assert.True(await page.Locator("#results .result-card").CountAsync() > 0);
        Assert.True(await page.Locator("#drop-zone").IsHiddenAsync());
    }

    [Fact]
    public async Task Example_TextFile_RefusedOnThePageWithoutARequest()
    {
        string text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a picture");
        var page = await _chromium.NewPageAsync();
        int sent = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/api/search/example", StringComparison.Ordinal)) sent++; };
        await page.GotoAsync(library.Address.ToString());

        await page.SetInputFilesAsync("#example-file", text);
        await page.WaitForFunctionAsync("() => document.querySelector('#message').classList.contains('error')", null, Patient);

        Assert.Contains("not an image or a video", await page.Locator("#message").TextContentAsync());
        Assert.Equal(0, sent);
    }

    private string[] MediaFiles() =>
        Directory.EnumerateFiles(library.MediaFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    /// <summary>One frame of a test video as a PNG, made by ffmpeg (what a user's photo of the scene would be).</summary>
    private async Task<string> StillFromAsync(string fixture, double seconds, string name)
    {
        string output = Path.Combine(_folder, name);
        var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-nostdin", "-v", "error", "-ss", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-i", Path.Combine(Fixtures.Media, fixture), "-frames:v", "1", "-y", output]) { RedirectStandardError = true })!;
        string errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, errors);
        return output;
    }
}
