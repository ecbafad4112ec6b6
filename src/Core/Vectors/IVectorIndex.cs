namespace VideoSearch.Core.Vectors;

/// <summary>
/// A nearest-neighbour index over L2-normalised float32 vectors scored by inner product (cosine similarity).
/// Vectors and queries are normalised by the index itself, so callers pass raw embeddings. Implementations allow
/// many concurrent <see cref="Search"/> calls alongside one writer; writes are serialised internally.
/// </summary>
public interface IVectorIndex
{
    /// <summary>The length every vector and query must have.</summary>
    int Dimension { get; }

    /// <summary>The number of live (not removed) vectors.</summary>
    int Count { get; }

    /// <summary>Adds the vector for <paramref name="id"/>, replacing any vector already stored under that id.</summary>
    /// <exception cref="VectorDimensionMismatchException">The vector's length is not <see cref="Dimension"/>.</exception>
    /// <exception cref="InvalidVectorException">The vector is zero or holds a NaN or infinity.</exception>
    void Add(long id, ReadOnlySpan<float> vector);

    /// <summary>Removes the vector stored under <paramref name="id"/>; false when there is none.</summary>
    bool Remove(long id);

    /// <summary>Whether a live vector is stored under <paramref name="id"/>.</summary>
    bool Contains(long id);

    /// <summary>A snapshot of the ids of the live vectors, in no particular order.</summary>
    IReadOnlyCollection<long> GetIds();

    /// <summary>
    /// Copies the stored (L2-normalised) vector of <paramref name="id"/> into <paramref name="destination"/>; false,
    /// leaving it untouched, when there is none.
    /// </summary>
    /// <exception cref="VectorDimensionMismatchException"><paramref name="destination"/>'s length is not <see cref="Dimension"/>.</exception>
    bool TryGetVector(long id, Span<float> destination);

    /// <summary>
    /// The up to <paramref name="k"/> vectors most similar to <paramref name="query"/>, best first, skipping ids for
    /// which <paramref name="filter"/> returns false.
    /// </summary>
    IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? filter = null);

    /// <summary>Saves the index to <paramref name="path"/> atomically (temporary file, flush, rename).</summary>
    void Save(string path);
}
