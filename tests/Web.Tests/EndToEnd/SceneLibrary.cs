using VideoSearch.TestSupport;
using VideoSearch.Training.Rows;
using VideoSearch.Training.Scenes;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// The real <c>videosearch serve</c> with the trained synthetic model over the first videos of the scene generator's
/// test split (seed 1): scenes the model never saw in training, whose captions and seconds are known, so a test can
/// say which moment a query must find.
/// </summary>
public sealed class SceneLibrary : IAsyncLifetime
{
    /// <summary>Test videos served; each has 3 to 5 scenes.</summary>
    public const int Videos = 3;

    private readonly string _root = Directory.CreateTempSubdirectory("videosearch-scenes-").FullName;
    private ServeProcess? _server;

    public Uri Address => _server!.Client.BaseAddress!;

    public HttpClient Client => _server!.Client;

    /// <summary>Every scene, with its video's full path.</summary>
    public IReadOnlyList<TrainingRow> Scenes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        string set = Path.Combine(_root, "set");
        await new SceneSetGenerator().GenerateAsync(new SceneSetOptions { OutputFolder = set, TrainVideos = 0, ValidationVideos = 0, TestVideos = Videos, Seed = 1 });
        Scenes = TrainingRowsFile.Read(SceneSetLayout.RowsPath(set, SceneSplit.Test));
        _server = ServeProcess.Start(Path.Combine(set, "test"), Path.Combine(_root, "db"), Fixtures.SyntheticModel);
        await _server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SceneLibraryCollection : ICollectionFixture<SceneLibrary>
{
    public const string Name = "scene library";
}
