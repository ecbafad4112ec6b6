namespace VideoSearch.Indexer.Progress;

/// <summary>A file the indexer could not index, and why.</summary>
/// <param name="Path">The file.</param>
/// <param name="Kind">A short machine-readable category (e.g. <c>truncated</c>, <c>no_video_stream</c>, <c>tool_missing</c>).</param>
/// <param name="Message">What went wrong, for a person.</param>
public sealed record IndexingError(string Path, string Kind, string Message)
{
    /// <summary>Whether the file or the machine was at fault, which decides when the file is tried again.</summary>
    public FailureCause Cause => FailureKinds.CauseOf(Kind);
}
