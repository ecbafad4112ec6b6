namespace VideoSearch.Training.FineTuning;

/// <summary>What a training run is doing, for the console.</summary>
public enum TrainingPhase
{
    /// <summary>Decoding and preprocessing the rows' windows (<see cref="TrainingProgress.Done"/> of <see cref="TrainingProgress.Total"/> videos).</summary>
    Decoding,

    /// <summary>Optimising (<see cref="TrainingProgress.Done"/> of <see cref="TrainingProgress.Total"/> steps).</summary>
    Training,

    /// <summary>An epoch ended: its validation figures are set and the folder holds it.</summary>
    EpochSaved,
}

/// <summary>One progress report of a training run.</summary>
public sealed record TrainingProgress(TrainingPhase Phase, int Done, int Total)
{
    /// <summary>The epoch (1-based) being trained or just saved.</summary>
    public int Epoch { get; init; }

    /// <summary>Mean training loss over the steps since the last report.</summary>
    public double? Loss { get; init; }

    /// <summary>The learning rate of the last step.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Clips trained per second since the last report.</summary>
    public double? ClipsPerSecond { get; init; }

    /// <summary>Validation loss of the epoch just saved (null without validation rows).</summary>
    public double? ValidationLoss { get; init; }

    /// <summary>Validation in-batch text-to-video top-1 of the epoch just saved.</summary>
    public double? ValidationAccuracy { get; init; }
}
