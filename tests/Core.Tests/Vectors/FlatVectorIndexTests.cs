using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Tests.Vectors;

public sealed class FlatVectorIndexTests : IDisposable
{
    private const int Dim = 20;
    private readonly string _dir = Directory.CreateTempSubdirectory("vs-flat-").FullName;
    private readonly float[][] _data = ClusteredVectors.Generate(20_000, Dim, clusters: 10, seed: 31);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private FlatVectorIndex Build(bool parallel = false)
    {
        var index = new FlatVectorIndex(Dim, parallel);
        for (int i = 0; i < _data.Length; i++) index.Add(i, _data[i]);
        return index;
    }

    /// <summary>Brute force in double precision, independent of the index's code.</summary>
    private long[] Expected(float[] query, int k, Func<long, bool>? filter = null)
    {
        static double[] Unit(float[] v) { double n = Math.Sqrt(v.Sum(x => (double)x * x)); return [.. v.Select(x => x / n)]; }
        var q = Unit(query);
        return [.. _data.Select((v, i) => (i, s: Unit(v).Zip(q, (a, b) => a * b).Sum()))
            .Where(p => filter == null || filter(p.i)).OrderByDescending(p => p.s).Take(k).Select(p => (long)p.i)];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Search_Query_MatchesBruteForceOrder(bool parallel)
    {
        using var index = Build(parallel);
        var query = _data[123].Select((x, i) => x + (i % 2 == 0 ? 0.01f : -0.01f)).ToArray();

        var hits = index.Search(query, 10);

        Assert.Equal(Expected(query, 10), hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_WithFilter_MatchesFilteredBruteForce()
    {
        using var index = Build();

        var hits = index.Search(_data[5], 8, id => id % 5 == 1);

        Assert.Equal(Expected(_data[5], 8, id => id % 5 == 1), hits.Select(h => h.Id));
    }

    [Fact]
    public void Remove_Id_GoneAndOthersStillFound()
    {
        using var index = Build();

        Assert.True(index.Remove(7));
        Assert.False(index.Remove(7));

        Assert.Equal(_data.Length - 1, index.Count);
        Assert.NotEqual(7, index.Search(_data[7], 1)[0].Id);
        Assert.Equal(_data.Length - 1, index.Search(_data[^1], 1)[0].Id);
    }

    [Fact]
    public void Add_ExistingId_Replaces()
    {
        using var index = Build();

        index.Add(0, _data[9]);

        Assert.Equal(_data.Length, index.Count);
        Assert.Equal([0L, 9L], index.Search(_data[9], 2).Select(h => h.Id).Order());
    }

    [Fact]
    public void Save_Load_BitIdenticalAndSameResults()
    {
        using var index = Build();
        index.Remove(3);
        string a = Path.Combine(_dir, "a.bin"), b = Path.Combine(_dir, "b.bin");
        index.Save(a);

        using var loaded = FlatVectorIndex.Load(a);
        loaded.Save(b);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(index.Search(_data[1], 10), loaded.Search(_data[1], 10));
    }

    [Fact]
    public void Load_FlippedByte_ThrowsCorrupt()
    {
        using var index = Build();
        string path = Path.Combine(_dir, "a.bin");
        index.Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[100] ^= 1;
        File.WriteAllBytes(path, bytes);

        Assert.Throws<VectorIndexCorruptException>(() => FlatVectorIndex.Load(path));
    }

    [Fact]
    public void Search_KLargerThanCountOrEmpty_ReturnsWhatThereIs()
    {
        using var empty = new FlatVectorIndex(Dim);
        using var two = new FlatVectorIndex(Dim);
        two.Add(1, _data[1]);
        two.Add(2, _data[2]);

        Assert.Empty(empty.Search(_data[0], 5));
        Assert.Equal(2, two.Search(_data[0], 5).Count);
    }

    [Fact]
    public void Add_WrongDimension_ThrowsDimensionMismatch()
    {
        using var index = new FlatVectorIndex(Dim);

        Assert.Throws<VectorDimensionMismatchException>(() => index.Add(1, new float[Dim + 3]));
    }
}
