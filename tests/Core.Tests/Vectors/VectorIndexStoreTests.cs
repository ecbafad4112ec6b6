using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Tests.Vectors;

public sealed class VectorIndexStoreTests : IDisposable
{
    private const int Dim = 16;
    private readonly string _dir = Directory.CreateTempSubdirectory("vs-store-").FullName;
    private readonly float[][] _data = ClusteredVectors.Generate(300, Dim, clusters: 5, seed: 21);
    private int _sourceCalls;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IEnumerable<(long, float[])> Source()
    {
        _sourceCalls++;
        return _data.Select((v, i) => ((long)i, v));
    }

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void LoadOrRebuild_MissingFile_BuildsFromSourceAndSaves()
    {
        using var index = VectorIndexStore.LoadOrRebuild(PathOf("i.vshnsw"), Dim, Source);

        Assert.Equal(1, _sourceCalls);
        Assert.Equal(300, index.Count);
        Assert.True(File.Exists(PathOf("i.vshnsw")));
    }

    [Fact]
    public void LoadOrRebuild_ValidFile_LoadsWithoutSource()
    {
        VectorIndexStore.LoadOrRebuild(PathOf("i.vshnsw"), Dim, Source).Dispose();

        using var index = VectorIndexStore.LoadOrRebuild(PathOf("i.vshnsw"), Dim, Source);

        Assert.Equal(1, _sourceCalls);
        Assert.Equal(42, index.Search(_data[42], 1)[0].Id);
    }

    [Fact]
    public void LoadOrRebuild_CorruptFile_RebuildsAndReplacesFile()
    {
        VectorIndexStore.LoadOrRebuild(PathOf("i.vshnsw"), Dim, Source).Dispose();
        var bytes = File.ReadAllBytes(PathOf("i.vshnsw"));
        File.WriteAllBytes(PathOf("i.vshnsw"), bytes[..(bytes.Length / 2)]);

        using var index = VectorIndexStore.LoadOrRebuild(PathOf("i.vshnsw"), Dim, Source);

        Assert.Equal(2, _sourceCalls);
        Assert.Equal(300, index.Count);
        using var reloaded = HnswVectorIndex.Load(PathOf("i.vshnsw"));
        Assert.Equal(300, reloaded.Count);
    }

    [Fact]
    public void LoadOrRebuild_FileOfOtherDimension_Rebuilds()
    {
        using (var other = new HnswVectorIndex(Dim * 2))
        {
            other.Add(1, Enumerable.Repeat(1f, Dim * 2).ToArray());
            other.Save(PathOf("i.vshnsw"));
        }

        using var index = VectorIndexStore.LoadOrRebuild(PathOf("i.vshnsw"), Dim, Source);

        Assert.Equal(1, _sourceCalls);
        Assert.Equal(Dim, index.Dimension);
    }
}
