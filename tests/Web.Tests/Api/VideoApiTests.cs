using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

[Collection(WebServerCollection.Name)]
public sealed class VideoApiTests(WebServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task GetVideo_Known_ReturnsDetailsAndClips()
    {
        using var response = await Client.GetAsync("/api/videos/2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("mp4_h264_aac_320x240.mp4", json.GetProperty("fileName").GetString());
        Assert.Equal(6, json.GetProperty("durationSeconds").GetDouble());
        Assert.Equal((320, 240), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        Assert.Equal(new FileInfo(fixture.Media.PathOf("mp4_h264_aac_320x240.mp4")).Length, json.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("/api/videos/2/stream", json.GetProperty("streamUrl").GetString());
        var clips = json.GetProperty("clips");
        Assert.Equal(2, clips.GetArrayLength());
        Assert.Equal(3, clips[1].GetProperty("startSeconds").GetDouble());
        Assert.Equal("/api/clips/202/thumbnail", clips[1].GetProperty("thumbnailUrl").GetString());
    }

    [Fact]
    public async Task GetVideo_Unknown_Returns404Problem()
    {
        using var response = await Client.GetAsync("/api/videos/424242");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stream_RangeRequest_Returns206WithContentRangeAndTheRightBytes()
    {
        byte[] file = await File.ReadAllBytesAsync(fixture.Media.PathOf("mp4_h264_aac_320x240.mp4"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/videos/2/stream");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        var range = response.Content.Headers.ContentRange!;
        Assert.Equal((1000L, 1999L, (long)file.Length), (range.From!.Value, range.To!.Value, range.Length!.Value));
        Assert.Equal(file[1000..2000], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Stream_OpenEndedRange_ReturnsTheTail()
    {
        byte[] file = await File.ReadAllBytesAsync(fixture.Media.PathOf("scenes_2min_320x240.mp4"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/videos/1/stream");
        request.Headers.Range = new RangeHeaderValue(file.Length - 100, null);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(file[^100..], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Stream_WholeFile_Returns200WithAcceptRanges()
    {
        using var response = await Client.GetAsync("/api/videos/2/stream");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        Assert.Equal(await File.ReadAllBytesAsync(fixture.Media.PathOf("mp4_h264_aac_320x240.mp4")), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Stream_UnsatisfiableRange_Returns416()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/videos/2/stream");
        request.Headers.Range = new RangeHeaderValue(10_000_000, 10_000_100);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task Thumbnail_Known_ReturnsJpegWithETagAndCaching()
    {
        using var response = await Client.GetAsync("/api/clips/103/thumbnail");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        byte[] jpeg = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(fixture.Media.Thumbnails[103], jpeg);
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl!.MaxAge > TimeSpan.Zero);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/clips/103/thumbnail");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Thumbnail_Unknown_Returns404Problem()
    {
        using var response = await Client.GetAsync("/api/clips/31337/thumbnail");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Preview_Known_ReturnsJpegWithETag304AndTheThumbnailsCaching()
    {
        using var response = await Client.GetAsync("/api/clips/103/preview");
        using var thumbnail = await Client.GetAsync("/api/clips/103/thumbnail");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fixture.Media.Previews[103], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(thumbnail.Headers.CacheControl, response.Headers.CacheControl);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotEqual(thumbnail.Headers.ETag, response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/clips/103/preview");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(104)] // a clip with a thumbnail but no strip, as in a library indexed before strips existed
    [InlineData(31337)] // no such clip
    public async Task Preview_None_Returns404Problem(long clipId)
    {
        using var response = await Client.GetAsync($"/api/clips/{clipId}/preview");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_Indexing_ReturnsCountsRateCurrentFileAndErrors()
    {
        using var response = await Client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Indexing", json.GetProperty("state").GetString());
        Assert.Equal((10, 4, 1), (json.GetProperty("filesTotal").GetInt32(), json.GetProperty("filesDone").GetInt32(), json.GetProperty("filesFailed").GetInt32()));
        Assert.Equal(40, json.GetProperty("percent").GetDouble());
        Assert.Equal(17, json.GetProperty("clipsIndexed").GetInt64());
        Assert.Equal(3.5, json.GetProperty("clipsPerSecond").GetDouble());
        Assert.Equal(42, json.GetProperty("etaSeconds").GetDouble());
        Assert.Equal("mp4_h264_aac_320x240.mp4", json.GetProperty("currentFile").GetString());
        var error = json.GetProperty("errors")[0];
        Assert.Equal("bad_truncated.mp4", error.GetProperty("fileName").GetString());
        Assert.Equal("Truncated", error.GetProperty("kind").GetString());
        Assert.Contains("4.24 s", error.GetProperty("message").GetString());
    }
}
