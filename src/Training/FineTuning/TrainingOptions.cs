namespace VideoSearch.Training.FineTuning;

/// <summary>How a model is fine-tuned (<c>videosearch train</c>); every value is checked by <see cref="Problems"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training rows.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Peak AdamW learning rate, reached after <see cref="WarmupFraction"/> of the steps, then cosine-decayed to zero.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Clips per step; captions within a step are distinct (<see cref="CaptionBatcher"/>).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seeds the starting weights (from scratch), the order of the clips and dropout.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>Share of all steps spent raising the learning rate linearly from zero.</summary>
    public double WarmupFraction { get; init; } = 0.05;

    /// <summary>Gradients whose global norm exceeds this are scaled down to it.</summary>
    public double MaxGradientNorm { get; init; } = 1.0;

    /// <summary>Distance between the starts of the windows taken from one row, in seconds (indexing uses its stride).</summary>
    public double WindowStrideSeconds { get; init; } = 1.0;

    /// <summary>How an epoch's clips are grouped into batches.</summary>
    public TrainingBatching Batching { get; init; } = TrainingBatching.Random;

    /// <summary>State-dict key prefixes whose parameters stay fixed (e.g. <c>text_model</c>, <c>vision_model.embeddings</c>).</summary>
    public IReadOnlyList<string> Freeze { get; init; } = [];

    /// <summary>Every problem with the values, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Epochs is < 1 or > 100_000) problems.Add($"--epochs must be 1..100000, got {Epochs}.");
        if (!(double.IsFinite(LearningRate) && LearningRate > 0 && LearningRate < 1)) problems.Add($"--lr must be in (0, 1), got {LearningRate}.");
        if (BatchSize is < 2 or > 4096) problems.Add($"--batch must be 2..4096 (a contrastive loss needs two clips), got {BatchSize}.");
        if (!(double.IsFinite(WeightDecay) && WeightDecay is >= 0 and < 1)) problems.Add($"--weight-decay must be in [0, 1), got {WeightDecay}.");
        if (!(double.IsFinite(WarmupFraction) && WarmupFraction is >= 0 and < 1)) problems.Add($"--warmup must be in [0, 1), got {WarmupFraction}.");
        if (!(double.IsFinite(MaxGradientNorm) && MaxGradientNorm > 0)) problems.Add($"--max-grad-norm must be positive, got {MaxGradientNorm}.");
        if (!(double.IsFinite(WindowStrideSeconds) && WindowStrideSeconds > 0)) problems.Add($"--window-stride must be positive, got {WindowStrideSeconds}.");
        foreach (string prefix in Freeze)
            if (string.IsNullOrWhiteSpace(prefix)) problems.Add("--freeze names an empty prefix.");
        return problems;
    }
}
