using System.Net;
using VideoSearch.Core.Errors;
using VideoSearch.Indexer.Progress;
using VideoSearch.Web.Tests.Support;

namespace VideoSearch.Web.Tests.Api;

/// <summary>No answer of the API carries an absolute server path: not the media folder's, not the library's.</summary>
public sealed class PathLeakTests
{
    private const string DatabaseDirectory = "/var/lib/videosearch-library-db";

    [Fact]
    public async Task EveryEndpoint_Body_HoldsNoAbsoluteServerPath()
    {
        await using var media = new DisposableMedia();
        await using var server = await TestWebServer.StartAsync(media.Value);
        var sample = media.Value;
        server.Progress.Current = sample.Status with
        {
            CurrentFile = sample.PathOf("holiday/café vidéo – l'été 動画.mp4"),
            Errors =
            [
                new IndexingError(sample.PathOf("holiday/bad.mp4"), "Truncated", $"ffprobe could not read {sample.PathOf("holiday/bad.mp4")} (see {DatabaseDirectory}/log)"),
                new IndexingError(sample.SecretFile, "OutsideMediaRoot", $"{sample.SecretFile} lies outside {sample.Root}"),
            ],
            Message = $"The catalog in {DatabaseDirectory}/catalog.db is locked.",
        };
        var bodies = new Dictionary<string, string>();
        foreach (string url in new[]
                 {
                     "/api/search?q=ball&top=10", "/api/clips/103/similar?top=10", "/api/status", "/healthz", "/readyz",
                     "/api/videos/1", "/api/videos/2", "/api/videos/3", "/api/videos/4", "/api/videos/5",
                     "/api/videos/4/stream", "/api/videos/5/stream", "/api/videos/424242", "/media/nope.mp4", "/media/escape.mp4",
                     "/api/search?q=ball&folder=..", "/api/search?q=ball&folder=linked-dir", "/api/search", "/api/nothing",
                 })
        {
            using var response = await server.Client.GetAsync(url);
            bodies[url] = await response.Content.ReadAsStringAsync();
        }
        server.Search.FailWith = new LibraryFailure($"The library in {DatabaseDirectory} is in use by {sample.Root}/x.");
        using (var failed = await server.Client.GetAsync("/api/search?q=ball"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            bodies["failed search"] = await failed.Content.ReadAsStringAsync();
        }

        foreach (var (url, body) in bodies)
        {
            Assert.False(body.Contains(sample.Folder, StringComparison.Ordinal), $"{url} shows the media folder's path: {body}");
            Assert.False(body.Contains(DatabaseDirectory, StringComparison.Ordinal), $"{url} shows the library's path: {body}");
        }
        // Paths inside the media folder stay useful: relative to it.
        Assert.Contains("holiday/bad.mp4", bodies["/api/status"]);
        Assert.Contains("holiday/caf", bodies["/api/status"]);
        Assert.Contains("catalog.db", bodies["/api/status"]);
    }

    private sealed class LibraryFailure(string message) : VideoSearchException(ErrorKind.InUse, message);
}
