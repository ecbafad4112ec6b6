using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VideoSearch.TestSupport;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>Search by an uploaded video and zero-shot labels, on the real server (tiny model, real library).</summary>
[Collection(ServedLibraryCollection.Name)]
public sealed class ExampleAndLabelApiTests(ServedLibrary served)
{
    private static readonly string s_uploads = Path.Combine(Path.GetTempPath(), "videosearch-examples");

    [Fact]
    public async Task SearchByVideo_AnIndexedFileUploaded_FindsThatFileFirstAndKeepsNoCopy()
    {
        string name = ServedLibrary.GoodFiles[0];
        using var body = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Fixtures.Media, name)));
        body.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        using var response = await served.Client.PostAsync("/api/search/example?top=3", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await response.Content.ReadFromJsonAsync<JsonDocument>();
        // The same frames give the same embedding: the file's own video is among the nearest, at cosine ~1 (the
        // sample without audio has the same picture, so it ties).
        var nearest = json!.RootElement.GetProperty("videos").EnumerateArray()
            .Where(v => v.GetProperty("score").GetSingle() > 0.99f).Select(v => v.GetProperty("fileName").GetString());
        Assert.Contains(name, nearest);
        Assert.Empty(Directory.EnumerateFiles(served.MediaFolder, "*.upload", SearchOption.AllDirectories));
        Assert.True(!Directory.Exists(s_uploads) || !Directory.EnumerateFiles(s_uploads).Any(), "the upload was kept");
    }

    [Fact]
    public async Task SearchByVideo_NotAVideo_Answers400WithoutServerPath()
    {
        using var body = new ByteArrayContent("this is text, not a video"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        using var response = await served.Client.PostAsync("/api/search/example", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Path.GetTempPath(), text);
        Assert.DoesNotContain("   at ", text);
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpg", "image/jpeg")]
    public async Task SearchByImage_AFrameOfAnIndexedVideo_Answers200WithResultsAndKeepsNoCopy(string extension, string contentType)
    {
        // A still picture, as a phone or a screenshot gives: one frame of a fixture, written by ffmpeg.
        string image = Path.Combine(Path.GetTempPath(), $"videosearch-still-{Guid.NewGuid():N}.{extension}");
        var ffmpeg = System.Diagnostics.Process.Start("ffmpeg", ["-nostdin", "-v", "error", "-ss", "25", "-i",
            Path.Combine(Fixtures.Media, "scenes_2min_320x240.mp4"), "-frames:v", "1", image])!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        using var body = new ByteArrayContent(await File.ReadAllBytesAsync(image));
        File.Delete(image);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await served.Client.PostAsync("/api/search/example?top=3", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await response.Content.ReadFromJsonAsync<JsonDocument>();
        Assert.NotEmpty(json!.RootElement.GetProperty("videos").EnumerateArray());
        Assert.True(!Directory.Exists(s_uploads) || !Directory.EnumerateFiles(s_uploads).Any(), "the upload was kept");
    }

    [Fact]
    public async Task SearchByImage_TextSentAsPng_Answers400()
    {
        using var body = new ByteArrayContent("this is text, not a picture"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var response = await served.Client.PostAsync("/api/search/example", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SearchByImage_Gif_Answers415()
    {
        using var body = new ByteArrayContent("GIF89a"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("image/gif");

        using var response = await served.Client.PostAsync("/api/search/example", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task SearchByVideo_TextBody_Answers415()
    {
        using var body = new StringContent("hello");

        using var response = await served.Client.PostAsync("/api/search/example", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task VideoLabels_ThreeLabels_AreProbabilitiesInTheGivenOrder()
    {
        using var hits = await served.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=a%20test%20pattern&top=1");
        long videoId = hits!.RootElement.GetProperty("videos")[0].GetProperty("videoId").GetInt64();

        using var labels = await served.Client.GetFromJsonAsync<JsonDocument>($"/api/videos/{videoId}/labels?labels=a%20dog,a%20cat,a%20car");

        var scores = labels!.RootElement.EnumerateArray().ToList();
        Assert.Equal(["a dog", "a cat", "a car"], scores.Select(s => s.GetProperty("label").GetString()));
        // A softmax sums to 1 up to double rounding.
        Assert.Equal(1.0, scores.Sum(s => s.GetProperty("probability").GetDouble()), 9);
    }

    [Fact]
    public async Task Labels_UnknownVideoOrOneLabel_Answer404And400()
    {
        using var unknown = await served.Client.GetAsync("/api/videos/987654/labels?labels=a,b");
        using var oneLabel = await served.Client.GetAsync("/api/clips/1/labels?labels=only");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oneLabel.StatusCode);
    }
}
