using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class ClipPreviewTests : CatalogTests
{
    [Fact]
    public async Task CompleteVideoAsync_ClipsWithAndWithoutPreview_StoresTheOnesGiven()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        NewClip[] clips = [TempCatalog.Clip(0) with { PreviewJpeg = TempCatalog.Jpeg(100) }, TempCatalog.Clip(1)];

        CompletedVideo result = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips);

        Assert.Equal(TempCatalog.Jpeg(100), await temp.Catalog.Clips.GetPreviewAsync(result.NewClipIds[0]));
        Assert.Null(await temp.Catalog.Clips.GetPreviewAsync(result.NewClipIds[1]));
        Assert.Null(await temp.Catalog.Clips.GetPreviewAsync(12345));
    }

    [Fact]
    public async Task CompleteVideoAsync_Reindexed_DropsTheOldClipsPreviews()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo first = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
            [TempCatalog.Clip(0) with { PreviewJpeg = TempCatalog.Jpeg(100) }]);

        CompletedVideo second = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
            [TempCatalog.Clip(0, seed: 2) with { PreviewJpeg = TempCatalog.Jpeg(101) }]);

        Assert.Null(await temp.Catalog.Clips.GetPreviewAsync(first.NewClipIds[0]));
        Assert.Equal(TempCatalog.Jpeg(101), await temp.Catalog.Clips.GetPreviewAsync(second.NewClipIds[0]));
        Assert.Empty(await temp.Catalog.Clips.ListPreviewsWithoutClipAsync());
    }

    [Fact]
    public async Task CompleteVideoAsync_PreviewNotJpeg_ThrowsAndStoresNothing()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");

        var error = await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Writer.CompleteVideoAsync(video,
            TempCatalog.Metadata, [TempCatalog.Clip(0) with { PreviewJpeg = [0x89, 0x50, 0x4E, 0x47] }]));

        Assert.Contains("preview strip is not a JPEG", error.Message);
        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
    }
}
