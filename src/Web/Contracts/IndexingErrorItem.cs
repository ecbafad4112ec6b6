namespace VideoSearch.Web.Contracts;

/// <summary>A file the indexer could not index.</summary>
/// <param name="FileName">The file's name.</param>
/// <param name="RelativePath">The file's path inside its media folder.</param>
/// <param name="Kind">A short machine-readable category (e.g. <c>Truncated</c>).</param>
/// <param name="Message">What went wrong, for a person.</param>
public sealed record IndexingErrorItem(string FileName, string RelativePath, string Kind, string Message);
