using VideoSearch.Training.Scenes;

namespace VideoSearch.Training.Tests.Scenes;

/// <summary>
/// One small scene set generated once for the tests that read it: one training and one test video at 10 fps (the
/// frame rate only changes how many frames a scene has, and fewer keep the suite fast).
/// </summary>
public sealed class GeneratedSetFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public static SceneSetOptions OptionsFor(string folder) => new()
    {
        OutputFolder = folder, Seed = 20, TrainVideos = 1, ValidationVideos = 0, TestVideos = 1, FramesPerSecond = 10, Parallelism = 2,
    };

    public string Folder => _folder.Sub("set");

    public SceneSetOptions Options => OptionsFor(Folder);

    public SceneSetSummary Summary { get; private set; } = null!;

    public IReadOnlyList<SceneSetProgress> Progress { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var reports = new List<SceneSetProgress>();
        Summary = await new SceneSetGenerator().GenerateAsync(Options, new SynchronousProgress<SceneSetProgress>(reports.Add));
        Progress = reports;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
