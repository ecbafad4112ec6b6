using VideoSearch.Core.Errors;

namespace VideoSearch.Training.Scenes;

/// <summary>What scene set to generate and where.</summary>
public sealed record SceneSetOptions
{
    /// <summary>The most videos one split may ask for (names have four digits).</summary>
    public const int MaxVideosPerSplit = 10_000;

    /// <summary>The folder the set is written to (created when missing).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Videos in <c>train/</c>.</summary>
    public int TrainVideos { get; init; } = 200;

    /// <summary>Videos in <c>validation/</c>.</summary>
    public int ValidationVideos { get; init; } = 20;

    /// <summary>Videos in <c>test/</c>.</summary>
    public int TestVideos { get; init; } = 30;

    /// <summary>The seed: the same seed (and counts and rate) gives the same scenes and the same frames.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The frame rate of every video.</summary>
    public int FramesPerSecond { get; init; } = 25;

    /// <summary>
    /// Videos encoded at once (each by one single-threaded ffmpeg); 0 means one per core. The output does not depend
    /// on it.
    /// </summary>
    public int Parallelism { get; init; }

    /// <summary>
    /// Start over in a folder that holds a different scene set (its videos, rows and manifest are deleted first)
    /// instead of refusing it. Files the generator did not write are never deleted.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>The number of videos asked for in <paramref name="split"/>.</summary>
    public int VideosIn(SceneSplit split) => split switch
    {
        SceneSplit.Train => TrainVideos,
        SceneSplit.Validation => ValidationVideos,
        SceneSplit.Test => TestVideos,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Not a split."),
    };

    /// <summary>The number of encoders run at once.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>Throws <see cref="SceneSetException"/> (invalid input) naming the first value out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputFolder)) throw Invalid("The output folder must be given.");
        foreach (SceneSplit split in SceneSetLayout.Splits)
        {
            int count = VideosIn(split);
            if (count is < 0 or > MaxVideosPerSplit)
                throw Invalid($"The number of {SceneSetLayout.FolderName(split)} videos must lie in [0, {MaxVideosPerSplit}], not {count}.");
        }
        if (TrainVideos + ValidationVideos + TestVideos == 0) throw Invalid("At least one video must be asked for.");
        if (FramesPerSecond is < 1 or > 60) throw Invalid($"The frame rate must lie in [1, 60] frames per second, not {FramesPerSecond}.");
        if (Parallelism < 0) throw Invalid($"The parallelism must be 0 (one per core) or more, not {Parallelism}.");
    }

    private static SceneSetException Invalid(string message) => new(ErrorKind.InvalidInput, message);
}
