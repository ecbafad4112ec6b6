using VideoSearch.TestSupport;
using VideoSearch.Training.Evaluation;
using VideoSearch.Training.Scenes;
using VideoSearch.Training.Tests.Scenes;

namespace VideoSearch.Training.Tests.Evaluation;

/// <summary>
/// The committed synthetic model through the product path (scan, index, search, moments) on the first videos of the
/// generator's test split, which it never trained on: the fast subset of <c>scripts/bench quality</c>. Everything is
/// seeded and fp32, so the figures are the same on every run of one machine. Localisation is held to its target
/// (0.8). R@1's target (0.8) is not reached by this model (0.64 on the whole test split: it still confuses "moving
/// left" with "moving right"), so R@1 is held to a floor below what it measures (0.5) and R@5 to 0.8, which catch a
/// regression anywhere on the product path without claiming the target.
/// </summary>
public sealed class SyntheticModelQualityTests : IDisposable
{
    /// <summary>Test videos indexed: about 30 scenes and 25 distinct captions, a minute to generate and index on 2 cores.</summary>
    private const int Videos = 8;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SyntheticModel_OnHeldOutScenes_LocalisesAndRanksAboveItsFloors()
    {
        string set = _folder.Sub("set");
        await new SceneSetGenerator().GenerateAsync(new SceneSetOptions { OutputFolder = set, TrainVideos = 0, ValidationVideos = 0, TestVideos = Videos, Seed = 1 });
        var report = await QualityAssertions.EvaluateAsync(Fixtures.SyntheticModel, SceneSetLayout.RowsPath(set, SceneSplit.Test));
        var table = new StringWriter();
        QualityTable.Write(table, [QualityColumn.Reranked(report), QualityColumn.AnnOnly(report)], QualityTargets.SyntheticScenes);
        string figures = table.ToString();
        Assert.True(report.Reranked.Localisation >= 0.8, figures);
        Assert.True(report.Reranked.RecallAt5 >= 0.8, figures);
        Assert.True(report.Reranked.RecallAt1 >= 0.5, figures);
        // Re-ranking must not lower R@1 below the vector index's own ranking.
        Assert.True(report.Reranked.RecallAt1 >= report.AnnOnly.RecallAt1, figures);
    }
}
