using System.Net;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Security;

/// <summary>A loopback server answers only loopback names (DNS rebinding), unless AllowedHosts says otherwise.</summary>
public sealed class HostHeaderTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:8080")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1234")]
    [InlineData("[::1]:5080")]
    public async Task Request_LoopbackHost_IsServed(string host)
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);

        using var response = await GetWithHostAsync(server, "/api/status", host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("localhost.evil.example")]
    [InlineData("192.168.1.20")]
    public async Task Request_OtherHostOnLoopbackServer_Returns400Problem(string host)
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);

        using var response = await GetWithHostAsync(server, "/api/status", host);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Request_AllowedHostsConfigured_ThatListRules()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value, args: ["--AllowedHosts=videos.example.org"]);

        using var allowed = await GetWithHostAsync(server, "/api/status", "videos.example.org:443");
        using var loopback = await GetWithHostAsync(server, "/api/status", "localhost");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await ProblemAssert.IsProblemAsync(loopback, HttpStatusCode.BadRequest);
    }

    private static Task<HttpResponseMessage> GetWithHostAsync(TestWebServer server, string url, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        return server.Client.SendAsync(request);
    }
}
