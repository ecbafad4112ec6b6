using VideoSearch.TestSupport;
using VideoSearch.Training.Scenes;
using VideoSearch.Training.Tests.Scenes;

namespace VideoSearch.Training.Tests.Evaluation;

/// <summary>
/// The committed synthetic model through the product path (scan, index, search, moments) on the first videos of the
/// generator's test split, which it never trained on: the fast subset of <c>scripts/bench quality</c>, held to the
/// same targets (R@1 and localisation at least 0.8). Everything is seeded and fp32, so the figures are the same on
/// every run of one machine.
/// </summary>
public sealed class SyntheticModelQualityTests : IDisposable
{
    /// <summary>Test videos indexed: about 30 scenes and 25 distinct captions, a minute to generate and index on 2 cores.</summary>
    private const int Videos = 8;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SyntheticModel_OnHeldOutScenes_MeetsTheRetrievalTargets()
    {
        string set = _folder.Sub("set");
        await new SceneSetGenerator().GenerateAsync(new SceneSetOptions { OutputFolder = set, TrainVideos = 0, ValidationVideos = 0, TestVideos = Videos, Seed = 1 });
        await QualityAssertions.MeetsTargetsAsync(Fixtures.SyntheticModel, SceneSetLayout.RowsPath(set, SceneSplit.Test));
    }
}
