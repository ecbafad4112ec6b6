using System.Diagnostics;
using TorchSharp;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Processing;
using static TorchSharp.torch;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// A whole fine-tuning run: decodes the rows once, trains epoch by epoch and, after each, validates and saves the
/// output folder (a model folder any part of the project, or <c>transformers</c>, loads; plus the trainer state and
/// the optimiser state that <c>--resume</c> needs). Every epoch draws its clip order and dropout from a seed made of
/// the run's seed and the epoch number, so a seed gives one result, and a run resumed after epoch k matches an
/// uninterrupted one. Cancellation stops between steps; the folder then still holds the last finished epoch.
/// </summary>
public sealed class FineTuningRun(MediaProbe probe, FrameExtractor extractor)
{
    /// <summary>Runs <paramref name="request"/>; returns the final state.</summary>
    /// <exception cref="TrainingDataException">Bad rows, an unusable video, a freeze prefix matching nothing, or a resume
    /// whose recipe differs from the saved one.</exception>
    public async Task<TrainerState> RunAsync(FineTuningRequest request, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        TrainingOptions options = request.Options;
        if (options.Problems() is { Count: > 0 } problems) throw new TrainingDataException(string.Join(" ", problems));
        string fingerprint = DataFingerprint.Of(request.Train, request.Validation, request.Augmentations);
        TrainerState? saved = request.Resume ? CheckResumable(request, fingerprint) : null;
        string filesFrom = saved is null ? request.ModelFolder : request.OutputFolder;
        var processor = XClipProcessor.FromFolder(filesFrom);

        torch.manual_seed(options.Seed);
        using XClipModel model = saved is not null || !request.FromScratch
            ? XClipModel.FromPretrained(filesFrom)
            : NewModel(XClipConfig.Load(Path.Combine(request.ModelFolder, "config.json")));
        var vision = model.Config.VisionConfig;
        var windows = new ClipPlanOptions(ClipPlanOptions.DefaultWindowSeconds, options.WindowStrideSeconds, vision.NumFrames);
        var loader = new TrainingSetLoader(probe, extractor, processor.ImageProcessor, windows);
        int videos = request.Train.Concat(request.Validation).Select(r => r.Video).Distinct().Count();
        // Decoding reports every tenth of the videos, not each one.
        IProgress<int> Decoded(int before) => new Progress<int>(done =>
        {
            int total = before + done, step = Math.Max(1, videos / 10);
            if (total % step == 0 || total == videos) progress?.Report(new TrainingProgress(TrainingPhase.Decoding, total, videos));
        });
        int trainVideos = request.Train.Select(r => r.Video).Distinct().Count();
        var train = await loader.LoadAsync(request.Train, Decoded(0), cancellationToken).ConfigureAwait(false);
        if (request.Augmentations is { } augmentations) train = ClipAugmenter.Augment(train, augmentations, vision.NumFrames, vision.ImageSize);
        var validation = request.Validation.Count == 0 ? []
            : await loader.LoadAsync(request.Validation, Decoded(trainVideos), cancellationToken).ConfigureAwait(false);

        var epochs = Enumerable.Range(0, options.Epochs)
            .Select(e => Batches(train, options, new Random(EpochSeed(options.Seed, e)))).ToArray();
        if (epochs[0].Count == 0) throw new TrainingDataException("The training rows hold fewer than two distinct captions: nothing to contrast.");
        int totalSteps = epochs.Sum(e => e.Count);
        var validationBatches = CaptionBatcher.Batches(validation, options.BatchSize, new Random(options.Seed));
        var batches = new TrainingBatchBuilder(processor.Tokenizer, vision.NumFrames, vision.ImageSize, model.Config.TextConfig.MaxPositionEmbeddings);
        using var trainer = new XClipTrainer(model, batches, options, totalSteps);
        if (saved is not null) TrainingCheckpoint.LoadOptimizer(trainer.Optimizer, request.OutputFolder);

        var state = saved ?? new TrainerState
        {
            Options = options, FromScratch = request.FromScratch, BaseModel = request.ModelFolder,
            DataFingerprint = fingerprint, TotalSteps = totalSteps,
        };
        for (int epoch = state.EpochsDone; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            torch.manual_seed(EpochSeed(options.Seed, epoch));
            double lossSum = 0, reportLoss = 0;
            int reportSteps = 0, reportClips = 0;
            var reportClock = Stopwatch.StartNew();
            for (int b = 0; b < epochs[epoch].Count; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int step = state.Steps + b;
                double loss = trainer.Step(train, epochs[epoch][b], step);
                lossSum += loss;
                reportLoss += loss;
                reportSteps++;
                reportClips += epochs[epoch][b].Length;
                if (reportClock.Elapsed.TotalSeconds >= 5 || b == epochs[epoch].Count - 1)
                {
                    progress?.Report(new TrainingProgress(TrainingPhase.Training, step + 1, totalSteps)
                    {
                        Epoch = epoch + 1, Loss = reportLoss / reportSteps, LearningRate = trainer.LearningRateAt(step),
                        ClipsPerSecond = reportClips / reportClock.Elapsed.TotalSeconds,
                    });
                    reportLoss = 0;
                    reportSteps = reportClips = 0;
                    reportClock.Restart();
                }
            }
            var (validationLoss, accuracy) = validationBatches.Count == 0 ? (double.NaN, double.NaN) : trainer.Evaluate(validation, validationBatches);
            double? Figure(double value) => double.IsNaN(value) ? null : value;
            var figures = new EpochFigures(epoch + 1, lossSum / epochs[epoch].Count, Figure(validationLoss), Figure(accuracy), clock.Elapsed.TotalSeconds);
            state = state with { EpochsDone = epoch + 1, Steps = state.Steps + epochs[epoch].Count, History = [.. state.History, figures] };
            TrainingCheckpoint.Save(model, trainer.Optimizer, state, filesFrom, request.OutputFolder);
            progress?.Report(new TrainingProgress(TrainingPhase.EpochSaved, epoch + 1, options.Epochs)
            {
                Epoch = epoch + 1, Loss = figures.TrainLoss, ValidationLoss = figures.ValidationLoss, ValidationAccuracy = figures.ValidationAccuracy,
            });
        }
        return state;
    }

    /// <summary>A seed for epoch <paramref name="epoch"/> that differs per epoch and never depends on how the run got there.</summary>
    public static int EpochSeed(int seed, int epoch) => unchecked(seed * 1_000_003 + epoch * 7919 + 17);

    private static IReadOnlyList<int[]> Batches(IReadOnlyList<TrainingSample> samples, TrainingOptions options, Random random) =>
        options.Batching == TrainingBatching.NearMiss
            ? NearMissBatcher.Batches(samples, options.BatchSize, random)
            : CaptionBatcher.Batches(samples, options.BatchSize, random);

    private static XClipModel NewModel(XClipConfig config)
    {
        var model = new XClipModel(config);
        ScratchInitializer.Initialize(model);
        return model;
    }

    private static TrainerState CheckResumable(FineTuningRequest request, string fingerprint)
    {
        TrainingCheckpoint.Recover(request.OutputFolder);
        TrainerState saved = TrainerState.Load(request.OutputFolder);
        var differences = new List<string>();
        if (!SameRecipe(saved.Options, request.Options))
            differences.Add($"the options differ (saved: {saved.Options}); the learning-rate schedule and the clip order depend on all of them");
        if (saved.DataFingerprint != fingerprint) differences.Add("the rows differ");
        if (saved.FromScratch != request.FromScratch) differences.Add("--from-scratch differs");
        if (differences.Count > 0)
            throw new TrainingDataException($"Cannot resume {request.OutputFolder}: {string.Join("; ", differences)}.");
        if (saved.EpochsDone >= saved.Options.Epochs)
            throw new TrainingDataException($"{request.OutputFolder} already holds all {saved.Options.Epochs} epochs.");
        return saved;
    }

    private static bool SameRecipe(TrainingOptions a, TrainingOptions b) =>
        a with { Freeze = Array.Empty<string>() } == b with { Freeze = Array.Empty<string>() } && a.Freeze.SequenceEqual(b.Freeze);
}
