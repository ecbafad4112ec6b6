using VideoSearch.Core.Catalog;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Tests.Catalog;

public class ModelPrecisionColumnTests
{
    [Theory]
    [InlineData(XClipPrecision.Bf16)]
    [InlineData(XClipPrecision.Fp32)]
    public async Task CompleteVideoAsync_WithPrecision_RecordsItOnTheVideo(XClipPrecision precision)
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");

        await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)], precision);

        Assert.Equal(precision, (await temp.Catalog.Videos.GetAsync(video))!.ModelPrecision);
    }

    [Fact]
    public async Task CompleteVideoAsync_Reindexed_ReplacesThePrecision()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)], XClipPrecision.Bf16);

        await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0, seed: 2)]);

        Assert.Equal(XClipPrecision.Fp32, (await temp.Catalog.Videos.GetAsync(video))!.ModelPrecision);
    }

    [Fact]
    public async Task OpenAsync_Version1CatalogWithIndexedVideo_MigratesAndReadsItAsFp32()
    {
        // A catalog as version 1 wrote it: its schema, one indexed video, no precision column.
        string directory = await TempCatalog.CreateAtVersionAsync(1);

        using (VideoCatalog catalog = await VideoCatalog.OpenAsync(directory))
        {
            VideoRecord record = (await catalog.Videos.GetAsync(new VideoId(1)))!;
            Assert.Equal("test/xclip-tiny", record.ModelId);
            Assert.Equal(XClipPrecision.Fp32, record.ModelPrecision);
        }
        Directory.Delete(directory, recursive: true);
    }
}
