using System.Net;
using System.Net.Sockets;
using System.Text;
using VideoSearch.Web.Tests.Support;
using Xunit.Abstractions;

namespace VideoSearch.Web.Tests.Security;

/// <summary>Only files inside the media folder are ever served, however the path is spelt.</summary>
[Collection(WebServerCollection.Name)]
public sealed class TraversalTests(WebServerFixture fixture, ITestOutputHelper output)
{
    private TestWebServer Server => fixture.Server;

    [Fact]
    public async Task Media_FileInsideRoot_IsServed()
    {
        using var response = await Server.Client.GetAsync("/media/mp4_h264_aac_320x240.mp4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Media_UnicodeNameInSubfolder_IsServed()
    {
        using var response = await Server.Client.GetAsync("/media/holiday/" + Uri.EscapeDataString("café vidéo – l'été 動画.mp4"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Media_LinkToFileInsideRoot_IsServed()
    {
        using var response = await Server.Client.GetAsync("/media/inside-link.mp4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/media/escape.mp4")] // a link to a file outside the root
    [InlineData("/media/linked-dir/secret.mp4")] // a link to a folder outside the root
    [InlineData("/media/notes.txt")] // inside, but not a video
    [InlineData("/media/nope.mp4")]
    public async Task Media_RefusedPath_Returns404WithoutContent(string path)
    {
        using var response = await Server.Client.GetAsync(path);

        await AssertRefusedAsync(response);
    }

    [Theory]
    [InlineData("/media/../outside/secret.mp4")]
    [InlineData("/media/%2e%2e/outside/secret.mp4")]
    [InlineData("/media/%2e%2e%2foutside%2fsecret.mp4")]
    [InlineData("/media/..%2Foutside%2Fsecret.mp4")]
    [InlineData("/media/holiday/..%2F..%2Foutside%2Fsecret.mp4")]
    [InlineData("/media/%252e%252e%252foutside%252fsecret.mp4")]
    [InlineData("/media/..%5Coutside%5Csecret.mp4")]
    [InlineData("/media/%2Fetc%2Fpasswd")]
    [InlineData("/media//etc/passwd")]
    [InlineData("/media/linked-dir%2Fsecret.mp4")]
    public async Task Media_TraversalSpelling_IsRefused(string rawPath)
    {
        // Sent byte for byte: HttpClient would normalise the dots before they reach the server.
        var (status, body) = await RawGetAsync(rawPath);
        output.WriteLine($"{rawPath} -> {status}");

        Assert.Equal(404, status);
        Assert.DoesNotContain(SampleMedia.SecretText, body);
        Assert.DoesNotContain("root:", body);
    }

    [Fact]
    public async Task Media_AbsolutePathOfSecret_IsRefused()
    {
        var (status, body) = await RawGetAsync("/media/" + Uri.EscapeDataString(fixture.Media.SecretFile));

        Assert.Equal(404, status);
        Assert.DoesNotContain(SampleMedia.SecretText, body);
    }

    [Theory]
    [InlineData(SampleMedia.EscapingLinkVideo)] // catalog path is a link inside the root pointing outside
    [InlineData(SampleMedia.OutsideVideo)] // catalog path is outside the root
    public async Task Stream_CatalogPathLeavingRoot_Returns404WithoutContent(long videoId)
    {
        using var response = await Server.Client.GetAsync($"/api/videos/{videoId}/stream");

        await AssertRefusedAsync(response);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain(SampleMedia.SecretText, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A GET with the request target exactly as given (no client-side normalisation or escaping).</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string rawTarget)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.Address.Host, Server.Address.Port);
        await using var stream = tcp.GetStream();
        byte[] request = Encoding.ASCII.GetBytes($"GET {rawTarget} HTTP/1.1\r\nHost: {Server.Address.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        string statusLine = response[..response.IndexOf('\r')];
        return (int.Parse(statusLine.Split(' ')[1]), response);
    }
}
