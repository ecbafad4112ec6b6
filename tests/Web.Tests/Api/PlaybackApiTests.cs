using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using VideoSearch.TestSupport;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

[Collection(WebServerCollection.Name)]
public sealed class PlaybackApiTests(WebServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Playback_H264Mp4_IsDirectFromTheStream()
    {
        var json = await GetJsonAsync($"/api/videos/{SampleMedia.SmallVideo}/playback");

        Assert.True(json.GetProperty("direct").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reason").ValueKind);
        Assert.Equal($"/api/videos/{SampleMedia.SmallVideo}/stream", json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Playback_MjpegAvi_IsTranscodedWithAReason()
    {
        var json = await GetJsonAsync($"/api/videos/{SampleMedia.TranscodedVideo}/playback");

        Assert.False(json.GetProperty("direct").GetBoolean());
        Assert.Contains("avi", json.GetProperty("reason").GetString());
        Assert.Equal($"/api/videos/{SampleMedia.TranscodedVideo}/transcode", json.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/api/videos/424242/playback")]
    [InlineData("/api/videos/424242/transcode")]
    [InlineData("/api/videos/5/playback")] // the catalog's path lies outside the media folder
    [InlineData("/api/videos/5/transcode")]
    [InlineData("/api/videos/4/transcode")] // a link inside the folder pointing outside
    public async Task Playback_UnknownOrOutsideTheMediaFolders_Returns404Problem(string url)
    {
        using var response = await Client.GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Transcode_MjpegAvi_StreamsFragmentedMp4()
    {
        using var response = await Client.GetAsync($"/api/videos/{SampleMedia.TranscodedVideo}/transcode?start=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("none", string.Join(",", response.Headers.AcceptRanges));
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        // An MP4 opens with its ftyp box; a fragmented one has movie fragments (moof) after an empty moov.
        Assert.Equal("ftyp", Encoding.ASCII.GetString(body, 4, 4));
        string boxes = Encoding.ASCII.GetString(body);
        Assert.Contains("moov", boxes);
        Assert.Contains("moof", boxes);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("4")]       // the duration itself: nothing is left to play
    [InlineData("1e9")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task Transcode_StartOutsideTheVideo_Returns400NamingStart(string start)
    {
        using var response = await Client.GetAsync($"/api/videos/{SampleMedia.TranscodedVideo}/transcode?start={start}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("start", out _), problem.ToString());
    }

    [Fact]
    public async Task Transcode_BeyondTheLimit_Answers503WithRetryAfterAtOnceAndSearchStillAnswers()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value, o => o.MaxConcurrentTranscodes = 1);
        using var viewer = new HttpClient { BaseAddress = server.Address };
        // Two minutes of video read by nobody: ffmpeg blocks on the full pipe and keeps its slot.
        using var first = await viewer.GetAsync($"/api/videos/{SampleMedia.ScenesVideo}/transcode", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var clock = Stopwatch.StartNew();
        using var second = await server.Client.GetAsync($"/api/videos/{SampleMedia.TranscodedVideo}/transcode");
        TimeSpan refusedAfter = clock.Elapsed;
        using var search = await server.Client.GetAsync("/api/search?q=a%20ball");

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), second.Headers.RetryAfter?.Delta);
        // Refused, not queued: a probe (cached) and an answer, far below the seconds a queued request would wait.
        Assert.True(refusedAfter < TimeSpan.FromSeconds(2), $"refused after {refusedAfter}");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task Transcode_ClientGoesAway_FfmpegStopsAndTheSlotIsFree()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value, o => o.MaxConcurrentTranscodes = 1);
        string url = $"/api/videos/{SampleMedia.ScenesVideo}/transcode?start=10";
        using (var viewer = new HttpClient { BaseAddress = server.Address })
        {
            using var response = await viewer.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using Stream body = await response.Content.ReadAsStreamAsync();
            byte[] buffer = new byte[64 * 1024];
            int read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
            Assert.Equal(buffer.Length, read);
            Assert.NotEmpty(ProcessTable.Mentioning(media.Value.Root));
        } // disposing the unread response and its client closes the connection

        // Killed at once on the abort; a few seconds allow for the server noticing the closed connection.
        Assert.Empty(await WaitUntilNoneAsync(() => ProcessTable.Mentioning(media.Value.Root), TimeSpan.FromSeconds(5)));
        // The slot goes back when the aborted response is finished, a moment after ffmpeg has gone.
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var again = await server.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            status = again.StatusCode;
        }
        while (status == HttpStatusCode.ServiceUnavailable && clock.Elapsed < TimeSpan.FromSeconds(5) && await Pause());
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(100);
        return true;
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<IReadOnlyList<string>> WaitUntilNoneAsync(Func<IReadOnlyList<string>> find, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> left = find();
        while (left.Count > 0 && clock.Elapsed < limit)
        {
            await Task.Delay(50);
            left = find();
        }
        return left;
    }
}
