using System.Net;
using System.Net.Http.Headers;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Security;

public sealed class AccessTokenTests(TokenServerFixture fixture) : IClassFixture<TokenServerFixture>
{
    private const string Token = TokenServerFixture.Token;

    private TestWebServer Server => fixture.Server;

    [Theory]
    [InlineData("/api/search?q=ball")]
    [InlineData("/api/status")]
    [InlineData("/api/videos/2/stream")]
    [InlineData("/api/clips/103/thumbnail")]
    [InlineData("/media/mp4_h264_aac_320x240.mp4")]
    [InlineData("/openapi/v1.json")]
    public async Task Request_WithoutToken_Returns401Problem(string url)
    {
        using var response = await Server.Client.GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Request_WrongBearerToken_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=ball");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_BearerToken_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=ball");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_TokenInQuery_IsServed()
    {
        using var video = await Server.Client.GetAsync("/api/videos/2/stream?token=" + Uri.EscapeDataString(Token));
        using var image = await Server.Client.GetAsync("/api/clips/103/thumbnail?token=" + Uri.EscapeDataString(Token));

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
        using var response = await Server.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
