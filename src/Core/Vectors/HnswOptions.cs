namespace VideoSearch.Core.Vectors;

/// <summary>Parameters of an <see cref="HnswVectorIndex"/> (names as in Malkov and Yashunin's paper and hnswlib).</summary>
/// <param name="M">Links per node on the upper layers; layer 0 keeps 2·M.</param>
/// <param name="EfConstruction">Candidate list size while inserting: higher builds a better graph, slower.</param>
/// <param name="EfSearch">Default candidate list size while searching (at least k is always used).</param>
/// <param name="Seed">Seed of the level assignment, so a sequential build is reproducible.</param>
public sealed record HnswOptions(int M = 16, int EfConstruction = 200, int EfSearch = 64, int Seed = 42)
{
    /// <summary>Threads used by <see cref="HnswVectorIndex.AddRange"/> and compaction; 0 means one per core.</summary>
    public int BuildThreads { get; init; }

    /// <summary>
    /// Fraction of removed nodes above which <see cref="HnswVectorIndex.Remove"/> compacts the graph; 0 disables it.
    /// </summary>
    public double AutoCompactFraction { get; init; } = 0.2;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(M, 2, nameof(M));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(M, 1024, nameof(M));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfConstruction, 1, nameof(EfConstruction));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfSearch, 1, nameof(EfSearch));
        ArgumentOutOfRangeException.ThrowIfNegative(BuildThreads, nameof(BuildThreads));
        if (AutoCompactFraction is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(AutoCompactFraction), AutoCompactFraction, "must be in [0, 1)");
    }
}
