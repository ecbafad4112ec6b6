using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Tests.Vectors;

public class HnswVectorIndexTests
{
    private const int Dim = 32;

    private static HnswVectorIndex Build(float[][] data, HnswOptions? options = null)
    {
        var index = new HnswVectorIndex(Dim, options ?? new HnswOptions { AutoCompactFraction = 0 });
        index.AddRange(data.Select((v, i) => ((long)i, v)));
        return index;
    }

    [Fact]
    public void Search_EmptyIndex_ReturnsNothing()
    {
        using var index = new HnswVectorIndex(Dim);

        Assert.Empty(index.Search(new float[Dim].Select((_, i) => i + 1f).ToArray(), 5));
    }

    [Fact]
    public void Search_KLargerThanCount_ReturnsEveryVectorBestFirst()
    {
        var data = ClusteredVectors.Generate(7, Dim, clusters: 2, seed: 3);
        using var index = Build(data);

        var hits = index.Search(data[4], 50);

        Assert.Equal(7, hits.Count);
        Assert.Equal(4, hits[0].Id);
        Assert.Equal(1f, hits[0].Score, 1e-5f); // a normalised vector with itself; float rounding only
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Add_WrongDimension_ThrowsDimensionMismatch()
    {
        using var index = new HnswVectorIndex(Dim);

        var error = Assert.Throws<VectorDimensionMismatchException>(() => index.Add(1, new float[Dim + 1]));
        Assert.Equal(Dim + 1, error.Actual);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Search_WrongDimension_ThrowsDimensionMismatch()
    {
        using var index = Build(ClusteredVectors.Generate(10, Dim, clusters: 2, seed: 3));

        Assert.Throws<VectorDimensionMismatchException>(() => index.Search(new float[Dim - 1], 3));
    }

    [Fact]
    public void Add_ZeroVector_ThrowsInvalidVector()
    {
        using var index = new HnswVectorIndex(Dim);

        Assert.Throws<InvalidVectorException>(() => index.Add(1, new float[Dim]));
    }

    [Fact]
    public void Remove_Id_NeverReturnedAndCountDrops()
    {
        var data = ClusteredVectors.Generate(2000, Dim, clusters: 20, seed: 4);
        using var index = Build(data);

        Assert.True(index.Remove(10));
        Assert.False(index.Remove(10));
        Assert.Equal(1999, index.Count);
        Assert.Equal(1, index.TombstoneCount);
        var hits = index.Search(data[10], 20);
        Assert.Equal(20, hits.Count);
        Assert.DoesNotContain(hits, h => h.Id == 10);
    }

    [Fact]
    public void Add_ExistingId_ReplacesVector()
    {
        var data = ClusteredVectors.Generate(500, Dim, clusters: 5, seed: 5);
        using var index = Build(data);

        index.Add(3, data[200]);

        Assert.Equal(500, index.Count);
        var hits = index.Search(data[200], 2);
        Assert.Equal([3L, 200L], hits.Select(h => h.Id).Order());
        Assert.DoesNotContain(index.Search(data[3], 10), h => h.Id == 3 && h.Score > 0.9999f);
    }

    [Fact]
    public void Search_WithFilter_ReturnsOnlyAcceptedIds()
    {
        var data = ClusteredVectors.Generate(3000, Dim, clusters: 20, seed: 6);
        using var index = Build(data);

        var hits = index.Search(data[0], 10, id => id % 7 == 3);

        Assert.Equal(10, hits.Count);
        Assert.All(hits, h => Assert.Equal(3, h.Id % 7));
    }

    [Fact]
    public void Compact_AfterRemovals_DropsTombstonesAndKeepsRecall()
    {
        var (data, queries) = HnswRecallTests.Split(ClusteredVectors.Generate(5200, Dim, clusters: 20, seed: 7));
        using var index = Build(data);
        for (int i = 0; i < data.Length; i += 3) index.Remove(i);
        var survivors = data.Select((v, i) => (v, i)).Where(p => p.i % 3 != 0).ToArray();

        index.Compact();

        Assert.Equal(0, index.TombstoneCount);
        Assert.Equal(survivors.Length, index.Count);
        // Recall is measured against the survivors only, mapped back to their original ids.
        var flat = new FlatVectorIndex(Dim);
        foreach (var (v, i) in survivors) flat.Add(i, v);
        int found = 0;
        foreach (var q in queries)
        {
            var exact = flat.Search(q, 10).Select(h => h.Id).ToHashSet();
            var approximate = index.Search(q, 10);
            Assert.DoesNotContain(approximate, h => h.Id % 3 == 0);
            found += approximate.Count(h => exact.Contains(h.Id));
        }
        Assert.InRange(found / (10.0 * queries.Length), 0.95, 1.0);
    }

    [Fact]
    public void Remove_PastAutoCompactFraction_CompactsAutomatically()
    {
        var data = ClusteredVectors.Generate(100, Dim, clusters: 5, seed: 8);
        using var index = Build(data, new HnswOptions { AutoCompactFraction = 0.2 });

        for (int i = 0; i < 20; i++) index.Remove(i);
        Assert.Equal(20, index.TombstoneCount);
        index.Remove(20);

        Assert.Equal(0, index.TombstoneCount);
        Assert.Equal(79, index.Count);
        Assert.Equal(50, index.Search(data[50], 1)[0].Id);
    }

    [Fact]
    public async Task Search_ConcurrentWithWriter_ResultsStayValid()
    {
        var data = ClusteredVectors.Generate(4000, Dim, clusters: 20, seed: 9);
        using var index = Build(data[..2000], new HnswOptions { AutoCompactFraction = 0.1 });
        using var stop = new CancellationTokenSource();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            var random = new Random(r);
            while (!stop.IsCancellationRequested)
            {
                var hits = index.Search(data[random.Next(data.Length)], 10);
                if (hits.Count != 10) errors.Enqueue($"{hits.Count} hits");
                if (hits.Any(h => h.Id < 0 || h.Id >= data.Length)) errors.Enqueue("unknown id");
                if (hits.Select(h => h.Id).Distinct().Count() != hits.Count) errors.Enqueue("duplicate id");
            }
        })).ToArray();

        for (int i = 2000; i < data.Length; i++)
        {
            index.Add(i, data[i]);
            if (i % 3 == 0) index.Remove(i - 1000);
        }
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Empty(errors);
        Assert.Equal(4000 - 667, index.Count);
        Assert.Equal(3999, index.Search(data[3999], 1)[0].Id);
    }
}
