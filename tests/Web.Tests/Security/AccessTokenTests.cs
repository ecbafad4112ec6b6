using System.Net;
using System.Net.Http.Headers;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Security;

public sealed class AccessTokenTests : IAsyncLifetime
{
    private const string Token = "correct-horse-battery-staple-42";
    private DisposableMedia _media = null!;
    private TestWebServer _server = null!;

    public async Task InitializeAsync()
    {
        _media = new DisposableMedia();
        _server = await TestWebServer.StartAsync(_media.Value, o => o.AccessToken = Token);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _media.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/search?q=ball")]
    [InlineData("/api/status")]
    [InlineData("/api/videos/2/stream")]
    [InlineData("/api/clips/103/thumbnail")]
    [InlineData("/media/mp4_h264_aac_320x240.mp4")]
    [InlineData("/openapi/v1.json")]
    public async Task Request_WithoutToken_Returns401Problem(string url)
    {
        using var response = await _server.Client.GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Request_WrongBearerToken_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=ball");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_BearerToken_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=ball");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_TokenInQuery_IsServed()
    {
        using var video = await _server.Client.GetAsync("/api/videos/2/stream?token=" + Uri.EscapeDataString(Token));
        using var image = await _server.Client.GetAsync("/api/clips/103/thumbnail?token=" + Uri.EscapeDataString(Token));

        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task PageAndProbes_WithoutToken_AreServed(string url)
    {
        using var response = await _server.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
