using VideoSearch.TestSupport;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// The real <c>videosearch serve</c> process on 127.0.0.1 with the tiny model, indexing a temporary copy of a few
/// sample media files (good and bad), shared by the end-to-end tests; waits until indexing has finished.
/// </summary>
public sealed class ServedLibrary : IAsyncLifetime
{
    public static readonly string[] GoodFiles = ["mp4_h264_aac_320x240.mp4", "no_audio_320x240.mp4", "café vidéo – l'été 動画.mp4"];
    public const string BadFile = "bad_zero_bytes.mp4";

    private readonly string _root = Directory.CreateTempSubdirectory("videosearch-served-").FullName;
    private ServeProcess? _server;

    public string MediaFolder => Path.Combine(_root, "media");
    public HttpClient Client => _server!.Client;
    public string Log => _server?.Log ?? "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(MediaFolder);
        foreach (string name in GoodFiles.Append(BadFile))
            File.Copy(Path.Combine(Fixtures.Media, name), Path.Combine(MediaFolder, name));
        _server = ServeProcess.Start(MediaFolder, Path.Combine(_root, "db"));
        // Indexing five small files with the tiny model takes seconds; the bound is generous for a loaded CI machine.
        await _server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ServedLibraryCollection : ICollectionFixture<ServedLibrary>
{
    public const string Name = "served library";
}
