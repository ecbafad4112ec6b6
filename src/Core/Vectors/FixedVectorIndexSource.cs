namespace VideoSearch.Core.Vectors;

/// <summary>An <see cref="IVectorIndexSource"/> that always answers one index.</summary>
/// <param name="index">The index (not owned).</param>
public sealed class FixedVectorIndexSource(IVectorIndex index) : IVectorIndexSource
{
    /// <inheritdoc />
    public Task<IVectorIndex?> GetIndexAsync(CancellationToken cancellationToken) => Task.FromResult<IVectorIndex?>(index);
}
