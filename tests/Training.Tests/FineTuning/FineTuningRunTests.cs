using TorchSharp;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Training.FineTuning;
using VideoSearch.Training.Rows;
using VideoSearch.Training.Tests.Scenes;
using VideoSearch.TestSupport;

namespace VideoSearch.Training.Tests.FineTuning;

[Collection(TrainingRunCollection.Name)]
public sealed class FineTuningRunTests(TrainingSetFixture set)
{
    private static readonly string Kit = Fixtures.Reference("xclip-tiny-clipvocab");

    // Batches of 4 over the set's ~40 windows give about ten steps an epoch: enough to move every weight, fast on 2 cores.
    private static readonly TrainingOptions Quick = new() { Epochs = 2, BatchSize = 4, LearningRate = 1e-3, Seed = 3 };

    private FineTuningRequest Request(string output, TrainingOptions? options = null, bool resume = false, bool fromScratch = false) => new(
        Kit, fromScratch, TrainingRowsFile.Read(set.TrainRows), TrainingRowsFile.Read(set.ValidationRows), output, options ?? Quick, resume);

    private static Task<TrainerState> RunAsync(FineTuningRequest request, Action<TrainingProgress>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        var progress = onProgress is null ? null : new SynchronousProgress<TrainingProgress>(onProgress);
        return new FineTuningRun(new MediaProbe(), new FrameExtractor()).RunAsync(request, progress, cancellationToken);
    }

    private static bool Same(torch.Tensor a, torch.Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static byte[] Weights(string folder) => File.ReadAllBytes(Path.Combine(folder, "model.safetensors"));

    [Fact]
    public async Task Run_WritesAModelFolderInTheUpstreamLayout_ThatLoadsWithMovedWeights()
    {
        string output = set.NewFolder();
        var reports = new List<TrainingProgress>();
        TrainerState state = await RunAsync(Request(output), reports.Add);

        Assert.Empty(ModelFolderCheck.Problems(output));
        Assert.Equal(2, state.EpochsDone);
        Assert.Equal(state.TotalSteps, state.Steps);
        Assert.All(state.History, e => Assert.NotNull(e.ValidationLoss));
        Assert.Equal([1, 2], reports.Where(r => r.Phase == TrainingPhase.EpochSaved).Select(r => r.Epoch));
        Assert.Contains(reports, r => r.Phase == TrainingPhase.Training && r.Loss > 0);
        Assert.Equal(state.Steps, TrainerState.Load(output).Steps);
        using var trained = XClipModel.FromPretrained(output);
        using var original = XClipModel.FromPretrained(Kit);
        var before = original.state_dict();
        // Every tensor that gets a gradient moved (see the model tests for the four that upstream never trains).
        int moved = trained.state_dict().Count(p => !Same(p.Value, before[p.Key]));
        Assert.True(moved > before.Count - 5, $"{moved} of {before.Count} tensors changed");
    }

    [Fact]
    public async Task Run_SameSeed_SameWeights_AndAResumedRunEndsWhereAnUninterruptedOneDoes()
    {
        string straight = set.NewFolder(), again = set.NewFolder(), interrupted = set.NewFolder(), otherSeed = set.NewFolder();
        await RunAsync(Request(straight));
        await RunAsync(Request(again));
        Assert.Equal(Weights(straight), Weights(again));

        // Stopped as soon as epoch 1 is saved, then resumed: the same bytes as the run that never stopped.
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync(Request(interrupted), p => { if (p.Phase == TrainingPhase.EpochSaved) stop.Cancel(); }, stop.Token));
        Assert.Equal(1, TrainerState.Load(interrupted).EpochsDone);
        TrainerState resumed = await RunAsync(Request(interrupted, resume: true));
        Assert.Equal(2, resumed.EpochsDone);
        Assert.Equal(Weights(straight), Weights(interrupted));

        await RunAsync(Request(otherSeed, Quick with { Seed = 4 }));
        Assert.NotEqual(Weights(straight), Weights(otherSeed));
    }

    [Fact]
    public async Task Run_Resume_WithAnotherRecipe_IsRefused_AndAFinishedRunHasNothingToResume()
    {
        string output = set.NewFolder();
        await RunAsync(Request(output, Quick with { Epochs = 1 }));
        var other = await Assert.ThrowsAsync<TrainingDataException>(() => RunAsync(Request(output, Quick with { Epochs = 1, LearningRate = 2e-3 }, resume: true)));
        Assert.Contains("the options differ", other.Message);
        var done = await Assert.ThrowsAsync<TrainingDataException>(() => RunAsync(Request(output, Quick with { Epochs = 1 }, resume: true)));
        Assert.Contains("already holds all 1 epochs", done.Message);
        var none = await Assert.ThrowsAsync<TrainingDataException>(() => RunAsync(Request(set.NewFolder(), resume: true)));
        Assert.Contains("trainer_state.json", none.Message);
    }

    [Fact]
    public async Task Run_Freeze_KeepsThePrefixedWeights_AndAnUnknownPrefixIsRefused()
    {
        string output = set.NewFolder();
        await RunAsync(Request(output, Quick with { Epochs = 1, Freeze = ["text_model", "logit_scale"] }));
        using var trained = XClipModel.FromPretrained(output);
        using var original = XClipModel.FromPretrained(Kit);
        var before = original.state_dict();
        foreach (var (name, tensor) in trained.state_dict())
        {
            bool frozen = name.StartsWith("text_model.", StringComparison.Ordinal) || name == "logit_scale";
            if (frozen) Assert.True(Same(tensor, before[name]), $"{name} moved although frozen");
        }
        Assert.Contains(trained.state_dict(), p => !p.Key.StartsWith("text_model.", StringComparison.Ordinal) && !Same(p.Value, before[p.Key]));

        var unknown = await Assert.ThrowsAsync<TrainingDataException>(() => RunAsync(Request(set.NewFolder(), Quick with { Freeze = ["text_modle"] })));
        Assert.Contains("--freeze text_modle matches no parameter", unknown.Message);
    }

    [Fact]
    public async Task Run_FromScratch_DrawsItsStartFromTheSeed()
    {
        string a = set.NewFolder(), b = set.NewFolder();
        await RunAsync(Request(a, Quick with { Epochs = 1 }, fromScratch: true));
        await RunAsync(Request(b, Quick with { Epochs = 1 }, fromScratch: true));
        Assert.Equal(Weights(a), Weights(b));
        Assert.NotEqual(Weights(Kit), Weights(a));
        Assert.True(TrainerState.Load(a).FromScratch);
    }
}
