namespace VideoSearch.Indexer;

/// <summary>The <c>Indexer</c> section of appsettings.json: what to index, where the library lives, how hard to work.</summary>
public sealed class IndexerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Indexer";

    /// <summary>Folders whose videos are indexed (recursively).</summary>
    public List<string> Roots { get; set; } = [];

    /// <summary>
    /// Names for some of <see cref="Roots"/> (full path to name): the root of that name in the catalog is that folder
    /// here. A root without one is added, or found, by its path.
    /// </summary>
    public Dictionary<string, string> RootNames { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The library folder holding the catalog and the vector index.</summary>
    public string DatabaseDirectory { get; set; } = "";

    /// <summary>Keep following the roots for added, changed and deleted files after the first pass.</summary>
    public bool Watch { get; set; }

    /// <summary>Clips per embedding batch (across videos).</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>Clip window in seconds; null takes the media default.</summary>
    public double? WindowSeconds { get; set; }

    /// <summary>Distance between clip starts in seconds; null takes the media default.</summary>
    public double? StrideSeconds { get; set; }

    /// <summary>Videos whose frames are extracted at the same time (ffmpeg processes running beside the model).</summary>
    public int ExtractionConcurrency { get; set; } = 2;

    /// <summary>
    /// How frames are decoded: <c>Auto</c> (the rule in <see cref="Core.Media.DecodePassRule"/>: one ffmpeg pass per
    /// video for dense plans, a seek per clip for a single window or sparse windows), or forced <c>OnePass</c> / <c>PerClip</c>.
    /// </summary>
    public Core.Media.FrameExtractionMode FrameExtraction { get; set; } = Core.Media.FrameExtractionMode.Auto;

    /// <summary>libtorch threads for the model while indexing; 0 applies <see cref="Pipeline.ThreadBudget"/>'s rule (every core).</summary>
    public int TorchThreads { get; set; }

    /// <summary>ffmpeg threads per video being decoded; 0 applies <see cref="Pipeline.ThreadBudget"/>'s rule (one).</summary>
    public int DecodeThreads { get; set; }

    /// <summary>How often the vector index file is saved while indexing (it is always saved at the end).</summary>
    public TimeSpan IndexSaveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Quiet time after the last file-system event before a watched root is rescanned.</summary>
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rescan period while watching, in case file-system events were missed (network shares, overflows).</summary>
    public TimeSpan WatchRescanInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Rescan period while watching when the last pass was held up by the environment (ffmpeg missing, the library's
    /// disk full): installing ffmpeg or freeing space raises no file-system event, so the indexer looks again sooner.
    /// </summary>
    public TimeSpan WatchEnvironmentRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claimed video stays this process's without renewal (renewed every third of it while the process runs).
    /// With a shared catalog it is how long the others wait before they finish a video whose indexer died.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an indexer with nothing to claim looks again while other indexers hold the last videos' leases.</summary>
    public TimeSpan ClaimPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>File extensions (without the dot, case-insensitive) that are treated as videos.</summary>
    public List<string> Extensions { get; set; } =
    [
        "mp4", "m4v", "mov", "mkv", "webm", "avi", "mpg", "mpeg", "ts", "m2ts", "mts", "wmv", "flv", "3gp", "3g2",
        "ogv", "mxf", "vob", "divx", "asf",
    ];

    /// <summary>Every problem with the values, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Roots.Count == 0) problems.Add("Indexer:Roots names no folder to index.");
        foreach (string root in Roots)
            if (string.IsNullOrWhiteSpace(root)) problems.Add("Indexer:Roots holds an empty folder name.");
        if (string.IsNullOrWhiteSpace(DatabaseDirectory)) problems.Add("Indexer:DatabaseDirectory is empty.");
        if (LeaseDuration < TimeSpan.FromSeconds(2) || LeaseDuration > TimeSpan.FromHours(24))
            problems.Add($"Indexer:LeaseDuration must be 2 s to 24 h, got {LeaseDuration}.");
        if (ClaimPollInterval <= TimeSpan.Zero || ClaimPollInterval > TimeSpan.FromMinutes(10))
            problems.Add($"Indexer:ClaimPollInterval must be positive and at most 10 min, got {ClaimPollInterval}.");
        if (BatchSize is < 1 or > 1024) problems.Add($"Indexer:BatchSize must be 1..1024, got {BatchSize}.");
        if (ExtractionConcurrency is < 1 or > 64)
            problems.Add($"Indexer:ExtractionConcurrency must be 1..64, got {ExtractionConcurrency}.");
        if (TorchThreads is < 0 or > 1024) problems.Add($"Indexer:TorchThreads must be 0 (automatic) to 1024, got {TorchThreads}.");
        if (DecodeThreads is < 0 or > 64) problems.Add($"Indexer:DecodeThreads must be 0 (automatic) to 64, got {DecodeThreads}.");
        if (WindowSeconds is { } window && !(double.IsFinite(window) && window > 0))
            problems.Add($"Indexer:WindowSeconds must be positive, got {window}.");
        if (StrideSeconds is { } stride && !(double.IsFinite(stride) && stride > 0 && stride <= (WindowSeconds ?? double.MaxValue)))
            problems.Add($"Indexer:StrideSeconds must be positive and at most the window, got {stride}.");
        if (IndexSaveInterval <= TimeSpan.Zero) problems.Add("Indexer:IndexSaveInterval must be positive.");
        if (WatchDebounce < TimeSpan.Zero) problems.Add("Indexer:WatchDebounce must not be negative.");
        if (WatchRescanInterval <= TimeSpan.Zero) problems.Add("Indexer:WatchRescanInterval must be positive.");
        if (WatchEnvironmentRetryInterval <= TimeSpan.Zero) problems.Add("Indexer:WatchEnvironmentRetryInterval must be positive.");
        if (Extensions.Count == 0 || Extensions.Any(string.IsNullOrWhiteSpace))
            problems.Add("Indexer:Extensions must list at least one non-empty extension.");
        return problems;
    }
}
