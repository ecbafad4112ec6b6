namespace VideoSearch.Training.FineTuning;

/// <summary>How an epoch's clips are grouped into batches; captions within a batch are always distinct.</summary>
public enum TrainingBatching
{
    /// <summary>Shuffled (<see cref="CaptionBatcher"/>).</summary>
    Random,

    /// <summary>Captions sharing the most words together (<see cref="NearMissBatcher"/>).</summary>
    NearMiss,
}
