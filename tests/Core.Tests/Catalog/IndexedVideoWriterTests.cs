using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class IndexedVideoWriterTests : CatalogTests
{
    [Fact]
    public async Task CompleteVideoAsync_NewClips_StoresThemAndMarksIndexed()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        NewClip[] clips = [TempCatalog.Clip(0), TempCatalog.Clip(1), TempCatalog.Clip(2)];

        CompletedVideo result = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips);

        Assert.Equal(3, result.NewClipIds.Count);
        Assert.Empty(result.RemovedClipIds);
        VideoRecord record = (await temp.Catalog.Videos.GetAsync(video))!;
        Assert.Equal(VideoStatus.Indexed, record.Status);
        Assert.Equal(TempCatalog.Metadata, record.Metadata);
        Assert.Equal(TempCatalog.TinyModel.ModelId, record.ModelId);
        Assert.Equal(TempCatalog.TinyModel.Revision, record.ModelRevision);
        Assert.NotNull(record.IndexedAt);
        ClipContextBatch stored = await temp.Catalog.Clips.GetContextsAsync(result.NewClipIds);
        Assert.Equal([0, 1, 2], stored.Clips.Select(c => c.ClipIndex));
        Assert.Equal(clips[1].ThumbnailJpeg, await temp.Catalog.Clips.GetThumbnailAsync(result.NewClipIds[1]));
    }

    [Fact]
    public async Task CompleteVideoAsync_MetadataWithoutDurationRateOrCodecs_StoresTheGapsAsNull()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        var sparse = new VideoMetadata(null, null, 640, 360, 90, null, null);

        await temp.Catalog.Writer.CompleteVideoAsync(video, sparse, [TempCatalog.Clip(0)]);

        Assert.Equal(sparse, (await temp.Catalog.Videos.GetAsync(video))!.Metadata);
    }

    [Fact]
    public async Task CompleteVideoAsync_AgainAfterChange_ReplacesOldClipsAndReportsThem()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo first = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
            [TempCatalog.Clip(0), TempCatalog.Clip(1)]);

        CompletedVideo second = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
            [TempCatalog.Clip(0, seed: 2)]);

        Assert.Equal(first.NewClipIds, second.RemovedClipIds);
        Assert.Equal(1L, await temp.Catalog.Clips.CountAsync());
        // Ids are never reused (AUTOINCREMENT, identity columns), so a stale vector index cannot confuse an old clip with a new one.
        Assert.True(second.NewClipIds[0] > first.NewClipIds.Max());
    }

    [Fact]
    public async Task CompleteVideoAsync_InvalidClipMidway_LeavesPreviousStateIntact()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo first = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        await temp.Catalog.Videos.BeginVideoAsync((await temp.Catalog.Videos.GetAsync(video))!.RootId, "a.mp4",
            new FileIdentity(2000, 43, "v1:changed"));
        // Clips 0 and 1 are written (and the old clip deleted) before clip 2's wrong embedding size is found.
        NewClip bad = TempCatalog.Clip(2) with { Embedding = new float[7] };

        var error = await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Writer.CompleteVideoAsync(video,
            TempCatalog.Metadata, [TempCatalog.Clip(0, seed: 3), TempCatalog.Clip(1, seed: 3), bad]));

        Assert.Contains("embedding has 7 values", error.Message);
        ClipEmbedding only = Assert.Single(await ToListAsync(temp.Catalog.Clips.StreamEmbeddingsAsync()));
        Assert.Equal(first.NewClipIds[0], only.ClipId);
        Assert.Equal(TempCatalog.Clip(0).Embedding, only.Embedding);
        Assert.Equal(VideoStatus.Pending, (await temp.Catalog.Videos.GetAsync(video))!.Status);
    }

    [Fact]
    public async Task CompleteVideoAsync_DuplicateClipIndex_RollsBackAndThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");

        var error = await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Writer.CompleteVideoAsync(video,
            TempCatalog.Metadata, [TempCatalog.Clip(0), TempCatalog.Clip(1), TempCatalog.Clip(1, seed: 9)]));

        Assert.Contains("a.mp4", error.Message);
        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
        Assert.Equal(VideoStatus.Pending, (await temp.Catalog.Videos.GetAsync(video))!.Status);
    }

    [Theory]
    [InlineData("context")]
    [InlineData("nan")]
    [InlineData("thumbnail")]
    [InlineData("range")]
    public async Task CompleteVideoAsync_ClipNotFittingModel_ThrowsAndStoresNothing(string defect)
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        NewClip clip = TempCatalog.Clip(0);
        NewClip bad = defect switch
        {
            "context" => clip with { Context = new float[49 * 512] },
            "nan" => clip with { Embedding = clip.Embedding.Select((v, i) => i == 3 ? float.NaN : v).ToArray() },
            "thumbnail" => clip with { ThumbnailJpeg = [0x89, 0x50, 0x4E, 0x47] },
            _ => clip with { EndSeconds = -1 },
        };

        await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [bad]));

        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
    }

    [Fact]
    public async Task CompleteVideoAsync_NoModelState_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync(withModel: false);
        var (_, video) = await temp.AddVideoAsync("a.mp4");

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)]));

        Assert.Contains("model state", error.Message);
    }

    [Fact]
    public async Task CompleteVideoAsync_UnknownVideo_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Writer.CompleteVideoAsync(new VideoId(999), TempCatalog.Metadata, [TempCatalog.Clip(0)]));
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items) list.Add(item);
        return list;
    }
}
