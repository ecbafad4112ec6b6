using System.Net;
using System.Text.Json;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Hosting;

[Collection(WebServerCollection.Name)]
public sealed class HostingTests(WebServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task OpenApi_Document_DescribesEveryEndpointWithParametersAndResponses()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        // Kept next to the screenshots for review.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi-v1.json"), text);
        var doc = JsonDocument.Parse(text).RootElement;
        Assert.Equal("VideoSearch API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths");
        foreach (string path in new[]
                 {
                     "/api/search", "/api/clips/{clipId}/similar", "/api/videos/{videoId}", "/api/videos/{videoId}/stream",
                     "/api/clips/{clipId}/thumbnail", "/api/status", "/media/{path}",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.GetProperty("get").TryGetProperty("responses", out _));
        }

        var search = paths.GetProperty("/api/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "q", "top", "offset", "folder", "minDuration", "maxDuration", "modifiedAfter", "modifiedBefore" }, parameters);
        var top = search.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "top");
        Assert.Equal("integer", top.GetProperty("schema").GetProperty("type").GetString());
        var responses = search.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out var ok));
        Assert.True(ok.GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(responses.TryGetProperty("400", out _));
        Assert.True(responses.TryGetProperty("429", out _));
        Assert.True(paths.GetProperty("/api/videos/{videoId}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        var partial = paths.GetProperty("/api/videos/{videoId}/stream").GetProperty("get").GetProperty("responses").GetProperty("206");
        Assert.True(partial.GetProperty("content").TryGetProperty("video/mp4", out _));
    }

    [Fact]
    public async Task Healthz_Running_ReturnsHealthy()
    {
        using var response = await Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_MediaFolderPresent_ReportsTheCheck()
    {
        using var response = await Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Contains(json.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "media-folders");
    }

    [Fact]
    public async Task Readyz_MediaFolderMissing_Returns503()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);
        Directory.Move(media.Value.Root, media.Value.Root + "-unmounted");

        using var response = await server.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Page_Root_ServesTheEmbeddedPageAndAssets()
    {
        using var page = await Client.GetAsync("/");
        using var script = await Client.GetAsync("/app.js");
        using var style = await Client.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"query\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/api/search", await script.Content.ReadAsStringAsync());
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/search?q=ball")]
    [InlineData("/api/videos/424242")]
    public async Task AnyResponse_CarriesSecurityHeaders(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var response = await Client.GetAsync("/api/nothing-here");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
