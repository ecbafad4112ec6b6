namespace VideoSearch.Core.Vectors;

/// <summary>One search result: the stored id and its inner product with the (normalised) query.</summary>
/// <param name="Id">The id the vector was added under (the catalog's clip id).</param>
/// <param name="Score">Inner product of the normalised vectors, in [-1, 1]; higher is more similar.</param>
public readonly record struct VectorHit(long Id, float Score);
