namespace VideoSearch.Indexer.Progress;

/// <summary>What one indexing pass did.</summary>
/// <param name="Indexed">Videos indexed (new, changed or unfinished).</param>
/// <param name="Failed">Videos that failed in this pass, with reasons.</param>
/// <param name="PreviouslyFailed">Videos that failed before and did not change (not retried), with reasons.</param>
/// <param name="Unchanged">Videos already indexed and unchanged.</param>
/// <param name="Moved">Videos found under a new path (clips kept).</param>
/// <param name="Removed">Videos whose files are gone, removed from the catalog and the index.</param>
/// <param name="Clips">Clips stored in this pass.</param>
/// <param name="ClipsEmbedded">Clips run through the model in this pass.</param>
/// <param name="VideoSeconds">Seconds of video indexed in this pass.</param>
/// <param name="Elapsed">Wall-clock time of the pass.</param>
public sealed record IndexingSummary(
    int Indexed,
    IReadOnlyList<IndexingError> Failed,
    IReadOnlyList<IndexingError> PreviouslyFailed,
    int Unchanged,
    int Moved,
    int Removed,
    long Clips,
    long ClipsEmbedded,
    double VideoSeconds,
    TimeSpan Elapsed)
{
    /// <summary>Seconds of video indexed per wall-clock second.</summary>
    public double VideoSecondsPerSecond => Elapsed > TimeSpan.Zero ? VideoSeconds / Elapsed.TotalSeconds : 0;
}
