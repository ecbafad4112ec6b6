using Microsoft.Extensions.Logging.Abstractions;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Core.Tests.Catalog;

namespace VideoSearch.Core.Tests.Library;

public sealed class LibraryVectorIndexTests
{
    [Fact]
    public async Task GetAsync_NoModelRecorded_ReturnsNull()
    {
        await using var temp = await TempCatalog.CreateAsync(withModel: false);
        using var vectors = new LibraryVectorIndex(temp.Catalog, NullLogger<LibraryVectorIndex>.Instance);

        Assert.Null(await vectors.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_ClipsInCatalogAndNoFile_BuildsFromCatalogAndWritesNothingWhenReadOnly()
    {
        await using var temp = await TempCatalog.CreateAsync();
        IReadOnlyList<long> ids = await AddClipsAsync(temp, 3);
        using (var vectors = new LibraryVectorIndex(temp.Catalog, NullLogger<LibraryVectorIndex>.Instance))
        {
            var index = await vectors.GetAsync(CancellationToken.None);

            Assert.Equal(ids.Order(), index!.GetIds().Order());
        }
        // A reading process never writes the index file: only the lock holder does.
        Assert.False(File.Exists(Path.Combine(temp.Directory, LibraryVectorIndex.FileName)));
    }

    [Fact]
    public async Task Dispose_WritableWithChanges_SavesTheFileTheNextOpenLoads()
    {
        await using var temp = await TempCatalog.CreateAsync();
        IReadOnlyList<long> ids = await AddClipsAsync(temp, 2);
        using (var vectors = new LibraryVectorIndex(temp.Catalog, NullLogger<LibraryVectorIndex>.Instance) { Writable = true })
            await vectors.OpenAsync(TempCatalog.TinyModel.EmbeddingDim, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(temp.Directory, LibraryVectorIndex.FileName)));
        using var loaded = Core.Vectors.HnswVectorIndex.Load(Path.Combine(temp.Directory, LibraryVectorIndex.FileName));
        Assert.Equal(ids.Order(), loaded.GetIds().Order());
    }

    [Fact]
    public async Task Apply_OnTheSharedInstance_IsVisibleToEveryReaderAtOnce()
    {
        await using var temp = await TempCatalog.CreateAsync();
        IReadOnlyList<long> ids = await AddClipsAsync(temp, 2);
        using var vectors = new LibraryVectorIndex(temp.Catalog, NullLogger<LibraryVectorIndex>.Instance);
        var index = await vectors.OpenAsync(TempCatalog.TinyModel.EmbeddingDim, CancellationToken.None);

        vectors.Apply([ids[0]], []);

        Assert.Same(index, await vectors.GetAsync(CancellationToken.None));
        Assert.False(index.Contains(ids[0]));
        Assert.True(index.Contains(ids[1]));
    }

    [Fact]
    public async Task Save_EmbeddedCatalog_WritesNoWatermarkAndDeletesALeftoverOne()
    {
        await using var temp = await TempCatalog.CreateAsync();
        await AddClipsAsync(temp, 2);
        // Left from a time this folder followed a shared catalog: it does not describe what this save writes.
        string watermark = Path.Combine(temp.Directory, LibraryVectorIndex.WatermarkFileName);
        new ChangeWatermarkFile("postgres://server/catalog", 1).Write(watermark);

        using (var vectors = new LibraryVectorIndex(temp.Catalog, NullLogger<LibraryVectorIndex>.Instance) { Writable = true })
            await vectors.OpenAsync(TempCatalog.TinyModel.EmbeddingDim, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(temp.Directory, LibraryVectorIndex.FileName)));
        Assert.False(File.Exists(watermark));
    }

    [Fact]
    public async Task CatchUpAsync_EmbeddedCatalogWrittenThroughAnotherConnection_AddsOnlyTheNewClips()
    {
        await using var temp = await TempCatalog.CreateAsync();
        IReadOnlyList<long> before = await AddClipsAsync(temp, 2);
        using var vectors = new LibraryVectorIndex(temp.Catalog, NullLogger<LibraryVectorIndex>.Instance);
        await vectors.OpenAsync(TempCatalog.TinyModel.EmbeddingDim, CancellationToken.None);
        IReadOnlyList<long> after;
        using (VideoCatalog other = await VideoCatalog.OpenAsync(temp.Directory))
        {
            RootId root = await other.Roots.AddAsync(Path.Combine(temp.Directory, "media"));
            VideoId video = await other.Videos.BeginVideoAsync(root, "b.mp4", new FileIdentity(2000, 7, "v1:b"));
            after = (await other.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0, seed: 2)])).NewClipIds;
        }

        // The watermark starts at the catalog's last change when it was opened: only the new clip's change follows.
        Assert.Equal(1, await vectors.CatchUpAsync(CancellationToken.None));
        Assert.Equal(before.Concat(after).Order(), vectors.Current!.GetIds().Order());
    }

    [Fact]
    public async Task CatchUpAsync_NotOpen_Throws()
    {
        await using var temp = await TempCatalog.CreateAsync();
        using var vectors = new LibraryVectorIndex(temp.Catalog, NullLogger<LibraryVectorIndex>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => vectors.CatchUpAsync(CancellationToken.None));
    }

    private static async Task<IReadOnlyList<long>> AddClipsAsync(TempCatalog temp, int count)
    {
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        var clips = Enumerable.Range(0, count).Select(i => TempCatalog.Clip(i)).ToList();
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips);
        return done.NewClipIds;
    }
}
