namespace VideoSearch.Indexer.Progress;

/// <summary>A consistent snapshot of the indexer's progress, for the console display and the web page.</summary>
/// <param name="State">What it is doing.</param>
/// <param name="FilesTotal">Files to process in this pass.</param>
/// <param name="FilesDone">Files finished in this pass (indexed or failed).</param>
/// <param name="FilesFailed">Files that failed in this pass.</param>
/// <param name="ClipsIndexed">Clips written in this pass.</param>
/// <param name="ClipsPerSecond">Recent embedding rate.</param>
/// <param name="VideoSecondsPerSecond">Recent rate in seconds of video indexed per wall-clock second.</param>
/// <param name="Eta">Estimated time left in this pass, when it can be estimated.</param>
/// <param name="CurrentFile">The file being processed, if any.</param>
/// <param name="Errors">Files that failed (in this pass or earlier and unchanged since), with reasons.</param>
/// <param name="Message">A fatal error or other note, if any.</param>
public sealed record IndexingStatus(
    IndexingState State,
    int FilesTotal,
    int FilesDone,
    int FilesFailed,
    long ClipsIndexed,
    double ClipsPerSecond,
    double VideoSecondsPerSecond,
    TimeSpan? Eta,
    string? CurrentFile,
    IReadOnlyList<IndexingError> Errors,
    string? Message);
