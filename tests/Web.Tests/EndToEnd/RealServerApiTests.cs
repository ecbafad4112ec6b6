using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>The API of the real server (tiny model, real catalog, real index) over HTTP on 127.0.0.1.</summary>
[Collection(ServedLibraryCollection.Name)]
public sealed class RealServerApiTests(ServedLibrary served)
{
    [Fact]
    public async Task Status_AfterIndexing_CountsGoodFilesAndNamesTheBadOne()
    {
        using var status = await served.Client.GetFromJsonAsync<JsonDocument>("/api/status");
        var root = status!.RootElement;
        Assert.Equal(ServedLibrary.GoodFiles.Length + 1, root.GetProperty("filesTotal").GetInt32());
        Assert.Equal(1, root.GetProperty("filesFailed").GetInt32());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(ServedLibrary.BadFile, error.GetProperty("fileName").GetString());
        Assert.Equal("empty_file", error.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Search_Query_ReturnsEveryIndexedVideoWithMomentsBestFirst()
    {
        using var json = await served.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=a%20test%20pattern&top=10");
        var videos = json!.RootElement.GetProperty("videos").EnumerateArray().ToList();

        Assert.Equal(ServedLibrary.GoodFiles.OrderBy(f => f, StringComparer.Ordinal),
            videos.Select(v => v.GetProperty("fileName").GetString()!).OrderBy(f => f, StringComparer.Ordinal));
        float[] scores = videos.Select(v => v.GetProperty("score").GetSingle()).ToArray();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        foreach (var video in videos)
        {
            var moments = video.GetProperty("moments").EnumerateArray().ToList();
            Assert.NotEmpty(moments);
            Assert.Equal(video.GetProperty("score").GetSingle(), moments[0].GetProperty("score").GetSingle());
            var clips = moments.SelectMany(m => m.GetProperty("clips").EnumerateArray()).ToList();
            Assert.All(clips, c => Assert.True(c.GetProperty("endSeconds").GetDouble() > c.GetProperty("startSeconds").GetDouble()));
            Assert.Contains(moments[0].GetProperty("match").GetString(), new[] { "strong", "good", "weak" });
        }
    }

    [Fact]
    public async Task ThumbnailStreamAndDetails_OfAHit_AreServed()
    {
        using var json = await served.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=colour%20bars&top=1");
        var video = json!.RootElement.GetProperty("videos")[0];

        using var thumbnail = await served.Client.GetAsync(video.GetProperty("thumbnailUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        byte[] jpeg = await thumbnail.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, jpeg[..2]);

        var range = new HttpRequestMessage(HttpMethod.Get, video.GetProperty("streamUrl").GetString());
        range.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await served.Client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        byte[] bytes = await partial.Content.ReadAsByteArrayAsync();
        string file = Path.Combine(served.MediaFolder, video.GetProperty("fileName").GetString()!);
        Assert.Equal(File.ReadAllBytes(file).AsSpan(100, 100).ToArray(), bytes);

        using var details = await served.Client.GetFromJsonAsync<JsonDocument>($"/api/videos/{video.GetProperty("videoId").GetInt64()}");
        Assert.True(details!.RootElement.GetProperty("clips").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Similar_ToAnIndexedClip_ReturnsOtherClipsByCosine()
    {
        using var json = await served.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=a%20clock&top=1");
        var clip = json!.RootElement.GetProperty("videos")[0].GetProperty("moments")[0].GetProperty("clips")[0];

        using var similar = await served.Client.GetFromJsonAsync<JsonDocument>(clip.GetProperty("similarUrl").GetString());
        var clips = similar!.RootElement.GetProperty("videos").EnumerateArray()
            .SelectMany(v => v.GetProperty("moments").EnumerateArray()).SelectMany(m => m.GetProperty("clips").EnumerateArray()).ToList();
        Assert.NotEmpty(clips);
        Assert.DoesNotContain(clips, c => c.GetProperty("clipId").GetInt64() == clip.GetProperty("clipId").GetInt64());
        // Scores are cosines of normalised embeddings; a little float32 rounding above 1 is allowed.
        Assert.All(clips, c => Assert.InRange(c.GetProperty("score").GetSingle(), -1.0001f, 1.0001f));
    }

    [Fact]
    public async Task Errors_UnknownClipAndEmptyQuery_AreProblemDetailsWithoutStackTraces()
    {
        using var unknown = await served.Client.GetAsync("/api/clips/987654/similar");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var empty = await served.Client.GetAsync("/api/search?q=");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType!.MediaType);
        string body = await empty.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData(" . , ; ")]
    [InlineData("\ufeff")]
    [InlineData("<|endoftext|>")]
    public async Task Search_QueryOfPunctuationOrMarkers_IsAnsweredNever500(string query)
    {
        using var response = await served.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));

        // Either the tokenizer keeps something and it is searched, or the query holds no words: 400, never a 500.
        if (response.StatusCode != HttpStatusCode.OK) await Support.ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("modifiedAfter=2262-04-12T00:00:00Z", 0)] // past the last instant a signed 64-bit nanosecond count can hold
    [InlineData("modifiedAfter=9999-12-31T00:00:00Z", 0)]
    [InlineData("modifiedBefore=9999-12-31T00:00:00Z", 3)]
    [InlineData("modifiedAfter=1970-01-01T00:00:00Z", 3)]
    [InlineData("modifiedBefore=1900-01-01T00:00:00Z", 0)]
    public async Task Search_DateFilterAtTheEdges_MatchesTheFilesModifiedTimes(string filter, int expected)
    {
        using var json = await served.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=a%20test%20pattern&top=10&" + filter);

        Assert.Equal(expected, json!.RootElement.GetProperty("totalVideos").GetInt32());
    }

    [Fact]
    public async Task Search_FolderFilter_IsRelativeToTheMediaFolderAndMayNotLeaveIt()
    {
        using var inside = await served.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=a%20test%20pattern&top=10&folder=.");
        using var outside = await served.Client.GetAsync("/api/search?q=a%20test%20pattern&top=10&folder=..");

        Assert.Equal(ServedLibrary.GoodFiles.Length, inside!.RootElement.GetProperty("totalVideos").GetInt32());
        await Support.ProblemAssert.IsProblemAsync(outside, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EveryApiBody_HoldsNoAbsolutePathOfTheMediaOrLibraryFolder()
    {
        string library = Path.GetDirectoryName(served.MediaFolder)!;
        using var search = await served.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=a%20test%20pattern&top=10");
        var video = search!.RootElement.GetProperty("videos")[0];
        var urls = new List<string>
        {
            "/api/status", "/api/search?q=a%20test%20pattern&top=10", "/readyz", "/healthz", "/api/clips/987654/similar",
            $"/api/videos/{video.GetProperty("videoId").GetInt64()}", video.GetProperty("moments")[0].GetProperty("similarUrl").GetString()!,
            "/api/search?q=", "/api/search?q=dog&folder=..", "/api/videos/987654", "/media/nope.mp4",
        };
        foreach (string url in urls)
        {
            using var response = await served.Client.GetAsync(url);
            string body = await response.Content.ReadAsStringAsync();
            Assert.False(body.Contains(library, StringComparison.Ordinal), $"{url} shows a server path: {body}");
        }
    }
}
