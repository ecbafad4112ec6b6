namespace VideoSearch.Indexer.Progress;

/// <summary>A file the indexer could not index, and why.</summary>
/// <param name="Path">The file.</param>
/// <param name="Kind">A short machine-readable category (e.g. <c>Truncated</c>, <c>NoVideoStream</c>).</param>
/// <param name="Message">What went wrong, for a person.</param>
public sealed record IndexingError(string Path, string Kind, string Message);
