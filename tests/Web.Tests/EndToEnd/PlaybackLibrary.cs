using System.Net;
using System.Text.Json;
using VideoSearch.TestSupport;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// The real <c>videosearch serve</c> with the tiny model over the formats a browser cannot play as they are (Motion
/// JPEG AVI, HEVC Matroska, ProRes QuickTime) and one it can (H.264 MP4), for the player's tests.
/// </summary>
public sealed class PlaybackLibrary : IAsyncLifetime
{
    public const string Avi = "avi_mjpeg_pcm_320x240.avi", Hevc = "mkv_hevc_vorbis_320x240.mkv", ProRes = "mov_prores_pcm_320x240.mov",
        Mp4 = "mp4_h264_aac_320x240.mp4";

    private static readonly string[] s_files = [Avi, Hevc, ProRes, Mp4];
    private readonly string _root = Directory.CreateTempSubdirectory("videosearch-playback-").FullName;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private ServeProcess? _server;

    public Uri Address => _server!.Client.BaseAddress!;

    public string Log => _server?.Log ?? "";

    /// <summary>The catalog's id of a file of this library.</summary>
    public long IdOf(string fileName) => _ids[fileName];

    public async Task InitializeAsync()
    {
        string media = Path.Combine(_root, "media");
        Directory.CreateDirectory(media);
        foreach (string name in s_files) File.Copy(Path.Combine(Fixtures.Media, name), Path.Combine(media, name));
        _server = ServeProcess.Start(media, Path.Combine(_root, "db"));
        await _server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(3));
        // Ids follow the indexing order; the video details say which file each one is.
        for (long id = 1; _ids.Count < s_files.Length && id <= 4 * s_files.Length; id++)
        {
            using var response = await _server.Client.GetAsync($"/api/videos/{id}");
            if (response.StatusCode == HttpStatusCode.NotFound) continue;
            using var details = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            _ids[details.RootElement.GetProperty("fileName").GetString()!] = id;
        }
        if (_ids.Count != s_files.Length) throw new InvalidOperationException($"indexed {string.Join(", ", _ids.Keys)} only:\n{Log}");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PlaybackLibraryCollection : ICollectionFixture<PlaybackLibrary>
{
    public const string Name = "playback library";
}
