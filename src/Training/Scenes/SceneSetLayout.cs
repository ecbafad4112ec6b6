namespace VideoSearch.Training.Scenes;

/// <summary>
/// Where a scene set's files lie: <c>&lt;out&gt;/{train,validation,test}/scenes-NNNN.mp4</c>, one
/// <c>&lt;out&gt;/{split}.jsonl</c> per split, the generator's manifest (<see cref="ManifestFileName"/>) and the vocabulary's
/// <see cref="FineTuning.CaptionAugmentations"/> for <c>train --augment</c>.
/// </summary>
public static class SceneSetLayout
{
    /// <summary>The file recording the settings a set was generated with, so a stopped run can be resumed safely.</summary>
    public const string ManifestFileName = "scenes-manifest.json";

    /// <summary>The suffix of a video still being written; it is renamed to its final name once ffmpeg has finished.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Every split, in the order they are generated.</summary>
    public static IReadOnlyList<SceneSplit> Splits { get; } = [SceneSplit.Train, SceneSplit.Validation, SceneSplit.Test];

    /// <summary>The split's folder (and jsonl) name: <c>train</c>, <c>validation</c> or <c>test</c>.</summary>
    public static string FolderName(SceneSplit split) => split switch
    {
        SceneSplit.Train => "train",
        SceneSplit.Validation => "validation",
        SceneSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Not a split."),
    };

    /// <summary>The split's rows file, e.g. <c>&lt;out&gt;/train.jsonl</c>.</summary>
    public static string RowsPath(string folder, SceneSplit split) => Path.Combine(folder, FolderName(split) + ".jsonl");

    /// <summary>The full path of <paramref name="video"/> inside the set at <paramref name="folder"/>.</summary>
    public static string VideoPath(string folder, VideoPlan video) =>
        Path.Combine(folder, FolderName(video.Split), video.Name + ".mp4");
}
