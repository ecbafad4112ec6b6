using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Core.Tests.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Library;

/// <summary>
/// A search node's vector index on a shared PostgreSQL catalog that another process writes: following the change
/// sequence, and opening from the watermark saved beside the index file.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class LibraryVectorIndexFollowingTests(PostgresFixture postgres)
{
    private static readonly int Dimension = TempCatalog.TinyModel.EmbeddingDim;

    [Fact]
    public async Task CatchUpAsync_ClipsWrittenByAnotherProcess_AddsAndRemovesThem()
    {
        await using var library = await SharedLibrary.CreateAsync(postgres);
        var (_, first, _) = await library.IndexAsync("a.mp4", clips: 3, seed: 1);
        using var vectors = library.OpenVectors();
        await vectors.OpenAsync(Dimension, CancellationToken.None);
        Assert.Equal(first.NewClipIds.Order(), Ids(vectors));

        var (_, second, secondClips) = await library.IndexAsync("b.mp4", clips: 2, seed: 2);
        var (_, reindexed, _) = await library.IndexAsync("a.mp4", clips: 2, seed: 3);
        var (gone, _, _) = await library.IndexAsync("c.mp4", clips: 2, seed: 4);
        await library.Indexer.Videos.RemoveVideoAsync(gone);

        int applied = await vectors.CatchUpAsync(CancellationToken.None);

        // b's 2 adds, a's 3 removals and 2 adds, c's 2 adds and 2 removals.
        Assert.Equal(11, applied);
        Assert.Equal(first.NewClipIds.Order(), reindexed.RemovedClipIds.Order());
        Assert.Equal(second.NewClipIds.Concat(reindexed.NewClipIds).Order(), Ids(vectors));
        Assert.Equal(await library.CatalogClipIdsAsync(), Ids(vectors));
        Assert.Equal(await library.Node.Changes.LatestAsync(), vectors.Watermark);
        // Each clip came with its own stored embedding: it is its own nearest neighbour.
        for (int i = 0; i < secondClips.Count; i++)
            Assert.Equal(second.NewClipIds[i], vectors.Current!.Search(secondClips[i].Embedding, 1)[0].Id);
        Assert.Equal(0, await vectors.CatchUpAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CatchUpAsync_ChangesSpanningPages_EndsAsTheSequenceDoes()
    {
        await using var library = await SharedLibrary.CreateAsync(postgres);
        // Pages of 3 put d's two adds and one removal in the first page, its other removal in the second.
        using var vectors = library.OpenVectors();
        vectors.ChangePageSize = 3;
        await vectors.OpenAsync(Dimension, CancellationToken.None);
        var (gone, _, _) = await library.IndexAsync("d.mp4", clips: 2, seed: 5);
        await library.Indexer.Videos.RemoveVideoAsync(gone);
        var (_, kept, _) = await library.IndexAsync("e.mp4", clips: 3, seed: 6);

        int applied = await vectors.CatchUpAsync(CancellationToken.None);

        Assert.Equal(7, applied);
        Assert.Equal(kept.NewClipIds.Order(), Ids(vectors));
        Assert.Equal(await library.Node.Changes.LatestAsync(), vectors.Watermark);
    }

    [Fact]
    public async Task OpenAsync_SavedWithWatermark_ReadsOnlyTheChangesSince()
    {
        await using var library = await SharedLibrary.CreateAsync(postgres);
        await library.IndexAsync("a.mp4", clips: 3, seed: 1);
        using (var vectors = library.OpenVectors())
        {
            await vectors.OpenAsync(Dimension, CancellationToken.None);
            Assert.Equal(1, vectors.FullReconcileCount);
        }
        Assert.True(File.Exists(library.IndexPath));
        Assert.Equal(new ChangeWatermarkFile(library.Node.Database.Location, await library.Node.Changes.LatestAsync()),
            ChangeWatermarkFile.TryRead(library.WatermarkPath));
        await library.IndexAsync("b.mp4", clips: 2, seed: 2);
        await library.IndexAsync("a.mp4", clips: 2, seed: 3);

        using var reopened = library.OpenVectors();
        await reopened.OpenAsync(Dimension, CancellationToken.None);

        Assert.Equal(0, reopened.FullReconcileCount);
        Assert.Equal(await library.CatalogClipIdsAsync(), Ids(reopened));
        long latest = await library.Node.Changes.LatestAsync();
        Assert.Equal(latest, reopened.Watermark);
        // What it caught up was saved at once, with the number it reached.
        Assert.Equal(latest, ChangeWatermarkFile.TryRead(library.WatermarkPath)?.Sequence);
    }

    [Fact]
    public async Task OpenAsync_WatermarkOlderThanTheFile_ReplaysTheChangesHarmlessly()
    {
        await using var library = await SharedLibrary.CreateAsync(postgres);
        await library.IndexAsync("a.mp4", clips: 3, seed: 1);
        byte[] older;
        using (var vectors = library.OpenVectors())
        {
            await vectors.OpenAsync(Dimension, CancellationToken.None);
            older = await File.ReadAllBytesAsync(library.WatermarkPath);
            await library.IndexAsync("b.mp4", clips: 2, seed: 2);
            await library.IndexAsync("a.mp4", clips: 2, seed: 3);
            await vectors.CatchUpAsync(CancellationToken.None);
        }
        // As a crash between saving the index file and its watermark leaves them.
        await File.WriteAllBytesAsync(library.WatermarkPath, older);

        using var reopened = library.OpenVectors();
        await reopened.OpenAsync(Dimension, CancellationToken.None);

        Assert.Equal(0, reopened.FullReconcileCount);
        Assert.Equal(await library.CatalogClipIdsAsync(), Ids(reopened));
        Assert.Equal(await library.Node.Changes.LatestAsync(), reopened.Watermark);
    }

    public static TheoryData<string> UnusableSavedStates => ["another catalog", "ahead of the catalog", "unreadable", "no watermark", "no index file"];

    [Theory]
    [MemberData(nameof(UnusableSavedStates))]
    public async Task OpenAsync_SavedStateUnusable_RebuildsFromTheCatalog(string state)
    {
        await using var library = await SharedLibrary.CreateAsync(postgres);
        var (_, indexed, clips) = await library.IndexAsync("a.mp4", clips: 3, seed: 1);
        const long NotInTheCatalog = 999_999;
        using (var vectors = library.OpenVectors())
        {
            await vectors.OpenAsync(Dimension, CancellationToken.None);
            // An id the catalog does not have: a file that is reused keeps it, a rebuilt index cannot.
            vectors.Apply([], [(NotInTheCatalog, clips[0].Embedding)]);
        }
        long latest = await library.Node.Changes.LatestAsync();
        switch (state)
        {
            case "another catalog":
                new ChangeWatermarkFile("postgres://elsewhere/catalog", latest).Write(library.WatermarkPath);
                break;
            case "ahead of the catalog":
                new ChangeWatermarkFile(library.Node.Database.Location, latest + 100).Write(library.WatermarkPath);
                break;
            case "unreadable":
                await File.WriteAllTextAsync(library.WatermarkPath, "{ not json");
                break;
            case "no watermark":
                File.Delete(library.WatermarkPath);
                break;
            case "no index file":
                File.Delete(library.IndexPath);
                break;
        }

        using var reopened = library.OpenVectors();
        await reopened.OpenAsync(Dimension, CancellationToken.None);

        Assert.Equal(1, reopened.FullReconcileCount);
        Assert.Equal(indexed.NewClipIds.Order(), Ids(reopened));
        Assert.Equal(latest, reopened.Watermark);
        Assert.Equal(new ChangeWatermarkFile(library.Node.Database.Location, latest), ChangeWatermarkFile.TryRead(library.WatermarkPath));
    }

    [Fact]
    public async Task OpenAsync_AlreadyOpen_OnlyCatchesUp()
    {
        await using var library = await SharedLibrary.CreateAsync(postgres);
        await library.IndexAsync("a.mp4", clips: 2, seed: 1);
        using var vectors = library.OpenVectors();
        var index = await vectors.OpenAsync(Dimension, CancellationToken.None);
        await library.IndexAsync("b.mp4", clips: 2, seed: 2);

        Assert.Same(index, await vectors.OpenAsync(Dimension, CancellationToken.None));

        Assert.Equal(1, vectors.FullReconcileCount);
        Assert.Equal(await library.CatalogClipIdsAsync(), Ids(vectors));
    }

    private static List<long> Ids(LibraryVectorIndex vectors) => vectors.Current!.GetIds().Order().ToList();
}
