using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Tests.Vectors;

/// <summary>Listing ids and reading stored vectors back, the same for both implementations of <see cref="IVectorIndex"/>.</summary>
public sealed class VectorIndexContentsTests : IDisposable
{
    private const int Dim = 24;
    private readonly string _dir = Directory.CreateTempSubdirectory("vs-contents-").FullName;
    private readonly float[][] _data = ClusteredVectors.Generate(300, Dim, clusters: 5, seed: 17);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IVectorIndex Build(string kind)
    {
        IVectorIndex index = kind == "hnsw"
            ? new HnswVectorIndex(Dim, new HnswOptions { AutoCompactFraction = 0 })
            : new FlatVectorIndex(Dim);
        for (int i = 0; i < _data.Length; i++) index.Add(1000 + i, _data[i]);
        return index;
    }

    private static float[] Unit(float[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return [.. v.Select(x => (float)(x / norm))];
    }

    [Theory]
    [InlineData("hnsw")]
    [InlineData("flat")]
    public void GetIds_AfterAddRemoveAndReplace_ListsExactlyTheLiveIds(string kind)
    {
        var index = Build(kind);

        Assert.True(index.Remove(1005));
        index.Add(1007, _data[0]);
        index.Add(5000, _data[1]);

        var expected = Enumerable.Range(0, _data.Length).Select(i => 1000L + i).Where(id => id != 1005).Append(5000).Order();
        Assert.Equal(expected, index.GetIds().Order());
        Assert.True(index.Contains(1007));
        Assert.True(index.Contains(5000));
        Assert.False(index.Contains(1005));
        Assert.False(index.Contains(-1));
    }

    [Theory]
    [InlineData("hnsw")]
    [InlineData("flat")]
    public void TryGetVector_StoredId_ReturnsTheNormalisedVector(string kind)
    {
        var index = Build(kind);
        var scaled = _data[3].Select(x => 7.5f * x).ToArray();
        index.Add(42, scaled);
        var destination = new float[Dim];

        Assert.True(index.TryGetVector(42, destination));

        // The index divides by the float32 norm; a double-precision reference differs by rounding only.
        var expected = Unit(scaled);
        for (int d = 0; d < Dim; d++) Assert.Equal(expected[d], destination[d], 1e-6f);
    }

    [Theory]
    [InlineData("hnsw")]
    [InlineData("flat")]
    public void TryGetVector_RemovedId_ReturnsFalseAndLeavesDestination(string kind)
    {
        var index = Build(kind);
        index.Remove(1010);
        var destination = Enumerable.Repeat(9f, Dim).ToArray();

        Assert.False(index.TryGetVector(1010, destination));
        Assert.All(destination, value => Assert.Equal(9f, value));
    }

    [Theory]
    [InlineData("hnsw")]
    [InlineData("flat")]
    public void TryGetVector_WrongDestinationLength_ThrowsDimensionMismatch(string kind)
    {
        var index = Build(kind);

        var error = Assert.Throws<VectorDimensionMismatchException>(() => index.TryGetVector(1000, new float[Dim - 1]));
        Assert.Equal(Dim - 1, error.Actual);
    }

    [Fact]
    public void GetIds_HnswAfterCompactAndReload_KeepsIdsAndVectors()
    {
        using var index = (HnswVectorIndex)Build("hnsw");
        for (long id = 1000; id < 1100; id += 3) index.Remove(id);
        index.Compact();
        string path = Path.Combine(_dir, "index.vshnsw");
        index.Save(path);

        using var loaded = HnswVectorIndex.Load(path);

        Assert.Equal(index.GetIds().Order(), loaded.GetIds().Order());
        var before = new float[Dim];
        var after = new float[Dim];
        Assert.True(index.TryGetVector(1200, before));
        Assert.True(loaded.TryGetVector(1200, after));
        Assert.Equal(before, after);
    }
}
