namespace VideoSearch.Indexer.Progress;

/// <summary>What one indexing pass did.</summary>
/// <param name="Indexed">Videos indexed (new, changed or unfinished).</param>
/// <param name="Failed">Videos that failed in this pass, with reasons.</param>
/// <param name="PreviouslyFailed">
/// Videos that failed before and were not retried, with reasons: the file's problems (until the file changes) and
/// the machine's whose cause is still there (see <see cref="IndexingError.Cause"/>).
/// </param>
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

    /// <summary>The precision the model embedded clips in (<c>fp32</c> or <c>bf16</c>).</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>How the cores were split between the model and decoding.</summary>
    public Pipeline.ThreadBudget? Threads { get; init; }

    /// <summary>Unchanged videos that had failed for the machine's fault and were tried again in this pass.</summary>
    public int Retried { get; init; }

    /// <summary>
    /// Videos left pending because the environment stopped this pass (ffmpeg missing while watching, the library
    /// cannot be written); they are indexed by a later pass. 0 when the pass ran to its end.
    /// </summary>
    public int Waiting { get; init; }

    /// <summary>What in the environment stopped this pass, for a person; null when it ran to its end.</summary>
    public string? EnvironmentProblem { get; init; }

    /// <summary>Failures of this pass caused by the files themselves (retried once a file changes).</summary>
    public int FileFailures => Failed.Count(e => e.Cause == FailureCause.File);

    /// <summary>Failures of this pass caused by the machine (retried on the next start or once the cause is gone).</summary>
    public int EnvironmentFailures => Failed.Count(e => e.Cause == FailureCause.Environment);
}
