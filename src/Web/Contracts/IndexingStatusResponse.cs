namespace VideoSearch.Web.Contracts;

/// <summary>The indexer's progress, for the page's progress panel.</summary>
/// <param name="State">What the indexer is doing: Idle, Scanning, Indexing, Watching, Completed or Faulted.</param>
/// <param name="FilesTotal">Files to process in this pass.</param>
/// <param name="FilesDone">Files finished in this pass (indexed or failed).</param>
/// <param name="FilesFailed">Files that failed in this pass.</param>
/// <param name="Percent">FilesDone as a percentage of FilesTotal (100 when there is nothing to do).</param>
/// <param name="ClipsIndexed">Clips written in this pass.</param>
/// <param name="ClipsPerSecond">Recent embedding rate.</param>
/// <param name="VideoSecondsPerSecond">Seconds of video indexed per wall-clock second, recently.</param>
/// <param name="EtaSeconds">Estimated seconds left in this pass, when known.</param>
/// <param name="CurrentFile">The file being processed (path inside its media folder), if any.</param>
/// <param name="Errors">Files that could not be indexed, and why.</param>
/// <param name="Message">A fatal error or other note, if any.</param>
public sealed record IndexingStatusResponse(
    string State,
    int FilesTotal,
    int FilesDone,
    int FilesFailed,
    double Percent,
    long ClipsIndexed,
    double ClipsPerSecond,
    double VideoSecondsPerSecond,
    double? EtaSeconds,
    string? CurrentFile,
    IReadOnlyList<IndexingErrorItem> Errors,
    string? Message);
