using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary><c>GET /api/videos</c> and <c>GET /api/folders</c> of the real server over <see cref="PageLibrary"/>.</summary>
[Collection(PageLibraryCollection.Name)]
public sealed class LibraryApiTests(PageLibrary library)
{
    [Fact]
    public async Task ListVideos_Default_NewestModifiedFirstWithThumbnailsAndPlaybackUrls()
    {
        using var json = await library.Client.GetFromJsonAsync<JsonDocument>("/api/videos");
        var root = json!.RootElement;

        Assert.Equal(PageLibrary.VideoCount, root.GetProperty("total").GetInt32());
        Assert.Equal((0, 24), (root.GetProperty("offset").GetInt32(), root.GetProperty("limit").GetInt32()));
        var videos = root.GetProperty("videos").EnumerateArray().ToList();
        Assert.Equal(PageLibrary.NewestFirst, videos.Select(v => v.GetProperty("fileName").GetString()));
        var webm = videos[0];
        Assert.Equal("holiday/2024/webm_vp9_opus_320x240.webm", webm.GetProperty("relativePath").GetString());
        Assert.Equal(new DateTimeOffset(2024, 7, 20, 12, 0, 0, TimeSpan.Zero), webm.GetProperty("modified").GetDateTimeOffset());
        Assert.Equal((320, 240), (webm.GetProperty("width").GetInt32(), webm.GetProperty("height").GetInt32()));
        long id = webm.GetProperty("videoId").GetInt64();
        Assert.Equal($"/api/videos/{id}/playback", webm.GetProperty("playbackUrl").GetString());

        using var thumbnail = await library.Client.GetAsync(webm.GetProperty("thumbnailUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ListVideos_Pages_AreConsecutiveAndDisjoint()
    {
        var seen = new List<string>();
        for (int offset = 0; offset < PageLibrary.VideoCount; offset += 5)
        {
            using var json = await library.Client.GetFromJsonAsync<JsonDocument>($"/api/videos?offset={offset}&limit=5");
            var names = json!.RootElement.GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("fileName").GetString()!).ToList();
            Assert.Equal(Math.Min(5, PageLibrary.VideoCount - offset), names.Count);
            seen.AddRange(names);
        }

        Assert.Equal(PageLibrary.NewestFirst, seen);
    }

    [Theory]
    [InlineData("folder=holiday", 2)]
    [InlineData("folder=holiday/2024", 1)]
    [InlineData("folder=clips", PageLibrary.GeneratedCount)]
    [InlineData("minDuration=60", 1)]
    [InlineData("maxDuration=4.5", PageLibrary.GeneratedCount + 1)] // the generated 4 s videos and the 3 s café video; the rest last 5 s or more
    [InlineData("modifiedAfter=2024-01-01T00:00:00Z", 3)]
    [InlineData("modifiedBefore=2022-01-01T00:00:00Z", PageLibrary.GeneratedCount)]
    [InlineData("modifiedAfter=2023-01-01T00:00:00Z&modifiedBefore=2024-06-01T00:00:00Z", 2)]
    public async Task ListVideos_Filters_CountOnlyTheVideosTheyAdmit(string filter, int expected)
    {
        using var json = await library.Client.GetFromJsonAsync<JsonDocument>("/api/videos?" + filter);
        var root = json!.RootElement;

        Assert.Equal(expected, root.GetProperty("total").GetInt32());
        Assert.Equal(expected, root.GetProperty("videos").GetArrayLength());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("folder=..", "folder")]
    [InlineData("minDuration=-3", "minDuration")]
    [InlineData("minDuration=10&maxDuration=5", "maxDuration")]
    public async Task ListVideos_InvalidParameter_Returns400NamingIt(string query, string parameter)
    {
        using var response = await library.Client.GetAsync("/api/videos?" + query);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ListVideos_OffsetPastTheEnd_IsAnEmptyPageWithTheTotal()
    {
        using var json = await library.Client.GetFromJsonAsync<JsonDocument>("/api/videos?offset=500&limit=10");

        Assert.Equal(PageLibrary.VideoCount, json!.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("videos").GetArrayLength());
    }

    [Fact]
    public async Task ListFolders_NamesEveryFolderHoldingVideosAndEachIsAValidFilter()
    {
        string[] folders = (await library.Client.GetFromJsonAsync<string[]>("/api/folders"))!;

        Assert.Equal(["clips", "holiday", "holiday/2024"], folders);
        foreach (string folder in folders)
        {
            using var response = await library.Client.GetAsync("/api/search?q=a%20test%20pattern&folder=" + Uri.EscapeDataString(folder));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
