using VideoSearch.Training.Scenes;
using VideoSearch.Training.Tests.Scenes;

namespace VideoSearch.Training.Tests.FineTuning;

/// <summary>A small scene set for training runs: two training videos and one validation video at 10 fps.</summary>
public sealed class TrainingSetFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Folder => _folder.Sub("set");

    public string TrainRows => SceneSetLayout.RowsPath(Folder, SceneSplit.Train);

    public string ValidationRows => SceneSetLayout.RowsPath(Folder, SceneSplit.Validation);

    /// <summary>A fresh folder for one test's output.</summary>
    public string NewFolder() => _folder.Sub("run-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => new SceneSetGenerator().GenerateAsync(new SceneSetOptions
    {
        OutputFolder = Folder, Seed = 5, TrainVideos = 2, ValidationVideos = 1, TestVideos = 0, FramesPerSecond = 10,
    });

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Training runs seed libtorch's one global generator, so they never run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingRunCollection : ICollectionFixture<TrainingSetFixture>
{
    public const string Name = "training runs";
}
