namespace VideoSearch.Indexer.Verification;

/// <summary>The outcome of <see cref="LibraryVerifier"/>.</summary>
/// <param name="IndexedVideos">Indexed videos checked.</param>
/// <param name="Clips">Clips checked.</param>
/// <param name="Problems">Everything found wrong, one sentence each; empty when catalog, vectors, index and thumbnails agree.</param>
/// <param name="Notes">What is worth knowing but not wrong, e.g. a vector index file not written yet (it is derived from the catalog).</param>
public sealed record VerificationReport(int IndexedVideos, long Clips, IReadOnlyList<string> Problems, IReadOnlyList<string>? Notes = null)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool IsConsistent => Problems.Count == 0;
}
