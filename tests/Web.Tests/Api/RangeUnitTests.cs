using System.Net;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

/// <summary>Only <c>bytes=</c> ranges are ranges (RFC 9110 14.2); any other unit is ignored and the whole file served.</summary>
[Collection(WebServerCollection.Name)]
public sealed class RangeUnitTests(WebServerFixture fixture)
{
    [Theory]
    [InlineData("/media/mp4_h264_aac_320x240.mp4", "items=0-10")]
    [InlineData("/media/mp4_h264_aac_320x240.mp4", "pages=1-2")]
    [InlineData("/api/videos/2/stream", "items=0-10")]
    public async Task Get_RangeInAnotherUnit_Returns200WithTheWholeFile(string url, string range)
    {
        byte[] file = await File.ReadAllBytesAsync(fixture.Media.PathOf("mp4_h264_aac_320x240.mp4"));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.True(request.Headers.TryAddWithoutValidation("Range", range));

        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(file, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_BytesRangeOnMedia_Returns206()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/mp4_h264_aac_320x240.mp4");
        Assert.True(request.Headers.TryAddWithoutValidation("Range", "bytes=0-10"));

        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(11, (await response.Content.ReadAsByteArrayAsync()).Length);
    }
}
