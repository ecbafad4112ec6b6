using System.Net;
using System.Text.Json;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

[Collection(WebServerCollection.Name)]
public sealed class SearchApiTests(WebServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Search_Query_ReturnsVideosWithMomentsClipsScoresAndUrls()
    {
        using var response = await Client.GetAsync("/api/search?q=a%20ball%20bouncing&top=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("a ball bouncing", json.GetProperty("query").GetString());
        Assert.Equal(4, json.GetProperty("totalVideos").GetInt32());
        Assert.Equal(3, json.GetProperty("top").GetInt32());
        var videos = json.GetProperty("videos");
        Assert.Equal(3, videos.GetArrayLength());
        var best = videos[0];
        Assert.Equal(SampleMedia.ScenesVideo, best.GetProperty("videoId").GetInt64());
        Assert.Equal("scenes_2min_320x240.mp4", best.GetProperty("fileName").GetString());
        Assert.Equal("scenes_2min_320x240.mp4", best.GetProperty("relativePath").GetString());
        Assert.Equal(120, best.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(File.GetLastWriteTimeUtc(fixture.Media.PathOf("scenes_2min_320x240.mp4")),
            best.GetProperty("modified").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(0.31, best.GetProperty("score").GetDouble(), 3);
        Assert.Equal("/api/videos/1/stream", best.GetProperty("streamUrl").GetString());
        Assert.Equal("/api/videos/1/playback", best.GetProperty("playbackUrl").GetString());
        Assert.Equal("/api/clips/103/thumbnail", best.GetProperty("thumbnailUrl").GetString());
        Assert.False(best.TryGetProperty("clips", out _));

        // 103 (25-35 s, 0.31) and 104 (30-40 s, 0.27) merge; 105 (40-50 s, 0.12) only touches them and stays apart.
        var moments = best.GetProperty("moments");
        Assert.Equal(2, moments.GetArrayLength());
        var moment = moments[0];
        Assert.Equal((SampleMedia.BestClipStart, 40.0, SampleMedia.BestClipStart + 5),
            (moment.GetProperty("startSeconds").GetDouble(), moment.GetProperty("endSeconds").GetDouble(), moment.GetProperty("peakSeconds").GetDouble()));
        Assert.Equal(0.31, moment.GetProperty("score").GetDouble(), 3);
        Assert.Equal((0.31 - 0.10) / 0.04, moment.GetProperty("relevance").GetDouble(), 3);
        Assert.Equal("strong", moment.GetProperty("match").GetString());
        Assert.Equal(103, moment.GetProperty("peakClipId").GetInt64());
        Assert.Equal("/api/clips/103/thumbnail", moment.GetProperty("thumbnailUrl").GetString());
        Assert.Equal("/api/clips/103/similar", moment.GetProperty("similarUrl").GetString());
        var clips = moment.GetProperty("clips");
        Assert.Equal([103L, 104L], clips.EnumerateArray().Select(c => c.GetProperty("clipId").GetInt64()));
        var clip = clips[0];
        Assert.Equal(SampleMedia.BestClipStart, clip.GetProperty("startSeconds").GetDouble());
        Assert.Equal(SampleMedia.BestClipStart + 10, clip.GetProperty("endSeconds").GetDouble());
        Assert.Equal(0.31, clip.GetProperty("score").GetDouble(), 3);
        Assert.Equal("/api/clips/103/thumbnail", clip.GetProperty("thumbnailUrl").GetString());
        Assert.Equal("/api/clips/103/preview", clip.GetProperty("previewUrl").GetString());
        Assert.Equal("/api/clips/103/similar", clip.GetProperty("similarUrl").GetString());
        Assert.Equal("weak", moments[1].GetProperty("match").GetString());
        Assert.Equal(105, moments[1].GetProperty("peakClipId").GetInt64());

        Assert.Equal("good", videos[1].GetProperty("moments")[0].GetProperty("match").GetString());
        Assert.Equal("strong", json.GetProperty("bestMatch").GetString());
        var calibration = json.GetProperty("calibration");
        Assert.Equal((64, 0.10, 0.04), (calibration.GetProperty("sampleSize").GetInt32(),
            calibration.GetProperty("mean").GetDouble(), calibration.GetProperty("stdDev").GetDouble()));
        Assert.True(json.GetProperty("timings").GetProperty("rerankMs").GetDouble() > 0);
        Assert.True(json.GetProperty("timings").GetProperty("calibrateMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Search_OnlyWeakMatches_BestMatchIsWeak()
    {
        // Videos of at most 3 s: only the unicode one (0.15, 1.25 standard deviations above the mean).
        using var response = await Client.GetAsync("/api/search?q=ball&maxDuration=3");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, json.GetProperty("videos").GetArrayLength());
        Assert.Equal("weak", json.GetProperty("bestMatch").GetString());
    }

    [Fact]
    public async Task Search_NoResults_BestMatchIsNone()
    {
        using var response = await Client.GetAsync("/api/search?q=ball&minDuration=10000");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, json.GetProperty("videos").GetArrayLength());
        Assert.Equal("none", json.GetProperty("bestMatch").GetString());
    }

    [Fact]
    public async Task Search_VideoInSubfolder_RelativePathKeepsFolderAndUnicodeName()
    {
        using var response = await Client.GetAsync("/api/search?q=holiday&top=10");

        var videos = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("videos");
        var unicode = videos.EnumerateArray().Single(v => v.GetProperty("videoId").GetInt64() == SampleMedia.UnicodeVideo);
        Assert.Equal("café vidéo – l'été 動画.mp4", unicode.GetProperty("fileName").GetString());
        Assert.Equal("holiday/café vidéo – l'été 動画.mp4", unicode.GetProperty("relativePath").GetString());
    }

    [Fact]
    public async Task Search_OffsetAndFilters_PassedToService()
    {
        using var response = await Client.GetAsync(
            "/api/search?q=ball&top=2&offset=1&minDuration=5&maxDuration=200&folder=holiday&modifiedAfter=2020-01-01T00:00:00Z&modifiedBefore=2030-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = fixture.Server.Search.LastRequest!;
        Assert.Equal(("ball", 2, 1), (request.Query, request.Top, request.Offset));
        Assert.Equal(5, request.Filters!.MinDurationSeconds);
        Assert.Equal(200, request.Filters.MaxDurationSeconds);
        Assert.Equal(fixture.Media.PathOf("holiday"), request.Filters.Folder);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), request.Filters.ModifiedAfter);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), request.Filters.ModifiedBefore);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, json.GetProperty("offset").GetInt32());
        // Three sample videos last at least 5 s; the first is skipped.
        Assert.Equal(3, json.GetProperty("totalVideos").GetInt32());
        Assert.Equal(2, json.GetProperty("videos").GetArrayLength());
    }

    [Fact]
    public async Task SearchSimilar_KnownClip_ReturnsOtherVideos()
    {
        using var response = await Client.GetAsync("/api/clips/103/similar?top=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((103L, 5), (fixture.Server.Search.LastSimilar!.Value.ClipId, fixture.Server.Search.LastSimilar.Value.Top));
        var videos = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("videos");
        Assert.True(videos.GetArrayLength() > 0);
        Assert.DoesNotContain(videos.EnumerateArray(), v => v.GetProperty("videoId").GetInt64() == SampleMedia.ScenesVideo);
    }

    [Fact]
    public async Task SearchSimilar_UnknownClip_Returns404Problem()
    {
        using var response = await Client.GetAsync("/api/clips/999999/similar");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
