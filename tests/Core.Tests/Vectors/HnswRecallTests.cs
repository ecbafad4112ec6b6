using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Tests.Vectors;

public class HnswRecallTests
{
    private const int QueryCount = 200;

    [Fact]
    public void Add_ClusteredDim64Sequential_RecallAtLeast95Percent()
    {
        var (data, queries) = Split(ClusteredVectors.Generate(20_000 + QueryCount, 64, clusters: 100, seed: 1));
        using var hnsw = new HnswVectorIndex(64);
        for (int i = 0; i < data.Length; i++) hnsw.Add(i, data[i]);

        Assert.InRange(Recall(hnsw, data, queries), 0.95, 1.0);
    }

    [Fact]
    public void AddRange_ClusteredDim512Parallel_RecallAtLeast95Percent()
    {
        var (data, queries) = Split(ClusteredVectors.Generate(20_000 + QueryCount, 512, clusters: 100, seed: 2));
        using var hnsw = new HnswVectorIndex(512, new HnswOptions { BuildThreads = 2 });
        hnsw.AddRange(data.Select((v, i) => ((long)i, v)));

        Assert.Equal(data.Length, hnsw.Count);
        Assert.InRange(Recall(hnsw, data, queries), 0.95, 1.0);
    }

    /// <summary>Held-out queries come from the same distribution as the indexed vectors.</summary>
    internal static (float[][] Data, float[][] Queries) Split(float[][] all) => (all[..^QueryCount], all[^QueryCount..]);

    /// <summary>Mean recall@10 of <paramref name="index"/> against exact search.</summary>
    internal static double Recall(IVectorIndex index, float[][] data, float[][] queries)
    {
        using var flat = new FlatVectorIndex(data[0].Length);
        for (int i = 0; i < data.Length; i++) flat.Add(i, data[i]);
        int found = 0;
        foreach (var query in queries)
        {
            var exact = flat.Search(query, 10).Select(h => h.Id).ToHashSet();
            found += index.Search(query, 10).Count(h => exact.Contains(h.Id));
        }
        return found / (10.0 * queries.Length);
    }
}
