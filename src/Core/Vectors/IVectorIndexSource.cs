namespace VideoSearch.Core.Vectors;

/// <summary>
/// Where a service gets the vector index it searches: the library's live index (opened on first use and shared with
/// the indexer), or a fixed one (<see cref="FixedVectorIndexSource"/>, for benchmarks and tests).
/// </summary>
public interface IVectorIndexSource
{
    /// <summary>The index, or null while the library has nothing indexed.</summary>
    Task<IVectorIndex?> GetIndexAsync(CancellationToken cancellationToken);
}
