using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Tests.Vectors;

public sealed class HnswIndexFileTests : IDisposable
{
    private const int Dim = 24;
    private readonly string _dir = Directory.CreateTempSubdirectory("vs-hnsw-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string SavedIndex(out float[][] data)
    {
        data = ClusteredVectors.Generate(1500, Dim, clusters: 10, seed: 11);
        using var index = new HnswVectorIndex(Dim, new HnswOptions(M: 8, EfConstruction: 64, EfSearch: 40, Seed: 5) { AutoCompactFraction = 0 });
        index.AddRange(data.Select((v, i) => (1000L + i, v)));
        index.Remove(1003);
        string path = Path.Combine(_dir, "index.vshnsw");
        index.Save(path);
        return path;
    }

    [Fact]
    public void Save_LoadedIndex_BitIdenticalFileAndSameResults()
    {
        string path = SavedIndex(out var data);
        string again = Path.Combine(_dir, "again.vshnsw");

        using var loaded = HnswVectorIndex.Load(path);
        loaded.Save(again);

        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        Assert.False(File.Exists(again + ".tmp"));
        Assert.Equal(1499, loaded.Count);
        Assert.Equal(new HnswOptions(8, 64, 40, 5), loaded.Options with { AutoCompactFraction = 0.2 });
        using var reloaded = HnswVectorIndex.Load(again);
        foreach (var query in data.Take(50))
            Assert.Equal(loaded.Search(query, 10), reloaded.Search(query, 10));
        Assert.DoesNotContain(loaded.Search(data[3], 10), h => h.Id == 1003);
    }

    [Fact]
    public void Load_OneByteFlipped_ThrowsCorrupt()
    {
        string path = SavedIndex(out _);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<VectorIndexCorruptException>(() => HnswVectorIndex.Load(path));
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(5000)]
    [InlineData(1)]
    public void Load_Truncated_ThrowsCorrupt(int keptFraction)
    {
        string path = SavedIndex(out _);
        var bytes = File.ReadAllBytes(path);
        int kept = keptFraction == 1 ? bytes.Length - 1 : bytes.Length * keptFraction / 10_000;
        File.WriteAllBytes(path, bytes[..kept]);

        Assert.Throws<VectorIndexCorruptException>(() => HnswVectorIndex.Load(path));
    }

    [Fact]
    public void Load_WrongMagic_ThrowsCorrupt()
    {
        string path = SavedIndex(out _);
        var bytes = File.ReadAllBytes(path);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<VectorIndexCorruptException>(() => HnswVectorIndex.Load(path));
        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void Load_OtherVersion_ThrowsCorrupt()
    {
        string path = SavedIndex(out _);
        var bytes = File.ReadAllBytes(path);
        bytes[6] = 2; // the version follows the six magic bytes
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<VectorIndexCorruptException>(() => HnswVectorIndex.Load(path));
        Assert.Contains("version 2", error.Message);
    }

    [Fact]
    public void Load_FlatIndexFile_ThrowsCorrupt()
    {
        string path = Path.Combine(_dir, "flat.bin");
        using (var flat = new FlatVectorIndex(Dim))
        {
            flat.Add(1, Enumerable.Range(1, Dim).Select(i => (float)i).ToArray());
            flat.Save(path);
        }

        Assert.Throws<VectorIndexCorruptException>(() => HnswVectorIndex.Load(path));
    }

    [Fact]
    public void Save_EmptyIndex_LoadsEmpty()
    {
        string path = Path.Combine(_dir, "empty.vshnsw");
        using (var empty = new HnswVectorIndex(Dim)) empty.Save(path);

        using var loaded = HnswVectorIndex.Load(path);

        Assert.Equal(0, loaded.Count);
        Assert.Equal(Dim, loaded.Dimension);
        Assert.Empty(loaded.Search(Enumerable.Repeat(1f, Dim).ToArray(), 3));
    }
}
