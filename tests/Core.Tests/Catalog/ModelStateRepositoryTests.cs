using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class ModelStateRepositoryTests : CatalogTests
{
    [Fact]
    public async Task SetAsync_FirstTimeThenSameModel_StoresItOnce()
    {
        await using TempCatalog temp = await NewCatalogAsync(withModel: false);
        Assert.Null(await temp.Catalog.Model.GetAsync());

        await temp.Catalog.Model.SetAsync(TempCatalog.TinyModel);
        await temp.Catalog.Model.SetAsync(TempCatalog.TinyModel);

        Assert.Equal(TempCatalog.TinyModel, await temp.Catalog.Model.GetAsync());
    }

    [Fact]
    public async Task SetAsync_DifferentRevision_ThrowsInsteadOfMixingVectors()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Model.SetAsync(TempCatalog.TinyModel with { Revision = "rev-b" }));

        Assert.Contains("re-embedding", error.Message);
        Assert.Equal(TempCatalog.TinyModel, await temp.Catalog.Model.GetAsync());
    }

    [Fact]
    public async Task MarkAllForReembeddingAsync_NewModel_DropsClipsAndSetsIndexedVideosPending()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, indexed) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Writer.CompleteVideoAsync(indexed, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        VideoId failed = await temp.Catalog.Videos.BeginVideoAsync(root, "bad.mp4", new FileIdentity(0, 1, "v1:0"));
        await temp.Catalog.Videos.FailVideoAsync(failed, "probe", "empty file", new FileIdentity(0, 1, "v1:0"));
        ModelState next = new("microsoft/xclip-base-patch32", "main", 512, 49, 512);

        int marked = await temp.Catalog.Model.MarkAllForReembeddingAsync(next);

        Assert.Equal(1, marked);
        Assert.Equal(next, await temp.Catalog.Model.GetAsync());
        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
        VideoRecord record = (await temp.Catalog.Videos.GetAsync(indexed))!;
        Assert.Equal(VideoStatus.Pending, record.Status);
        Assert.Null(record.ModelId);
        Assert.Equal(VideoStatus.Failed, (await temp.Catalog.Videos.GetAsync(failed))!.Status);
        // The old model's clip shape no longer fits: vectors of the two models cannot be mixed.
        await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Writer.CompleteVideoAsync(indexed, TempCatalog.Metadata, [TempCatalog.Clip(0)]));
    }

    [Fact]
    public async Task SetAsync_InvalidDimensions_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync(withModel: false);

        await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Model.SetAsync(TempCatalog.TinyModel with { EmbeddingDim = 0 }));
    }
}
