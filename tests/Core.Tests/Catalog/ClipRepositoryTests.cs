using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class ClipRepositoryTests : CatalogTests
{
    [Fact]
    public async Task StreamEmbeddingsAsync_TwoVideos_YieldsEveryClipExactlyById()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, a) = await temp.AddVideoAsync("a.mp4");
        VideoId b = await temp.Catalog.Videos.BeginVideoAsync(root, "b.mp4", new FileIdentity(5, 5, "v1:b"));
        NewClip[] clipsA = [TempCatalog.Clip(0, seed: 1), TempCatalog.Clip(1, seed: 1)];
        NewClip[] clipsB = [TempCatalog.Clip(0, seed: 2)];
        CompletedVideo doneA = await temp.Catalog.Writer.CompleteVideoAsync(a, TempCatalog.Metadata, clipsA);
        CompletedVideo doneB = await temp.Catalog.Writer.CompleteVideoAsync(b, TempCatalog.Metadata, clipsB);

        List<ClipEmbedding> streamed = await IndexedVideoWriterTests.ToListAsync(temp.Catalog.Clips.StreamEmbeddingsAsync());

        Assert.Equal(doneA.NewClipIds.Concat(doneB.NewClipIds), streamed.Select(e => e.ClipId));
        // Embeddings are the source of truth of the vector index: stored bit-exactly as float32.
        Assert.Equal(clipsA.Concat(clipsB).Select(c => c.Embedding), streamed.Select(e => e.Embedding));
    }

    [Fact]
    public async Task GetContextsAsync_IdsInAnyOrderWithOneMissingAndOneRepeated_ReturnsFoundClipsInRequestOrder()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        NewClip[] clips = [TempCatalog.Clip(0), TempCatalog.Clip(1), TempCatalog.Clip(2)];
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips);
        long[] request = [done.NewClipIds[2], 987_654, done.NewClipIds[0], done.NewClipIds[2]];

        ClipContextBatch batch = await temp.Catalog.Clips.GetContextsAsync(request);

        Assert.Equal([done.NewClipIds[2], done.NewClipIds[0]], batch.Clips.Select(c => c.ClipId));
        Assert.Equal((16, 40), (batch.Patches, batch.Dim));
        Assert.Equal(2 * 16 * 40, batch.Contexts.Length);
        ClipContext first = batch.Clips[0];
        Assert.Equal(video, first.VideoId);
        Assert.Equal((2, 4.0, 6.0), (first.ClipIndex, first.StartSeconds, first.EndSeconds));
        // The contiguous buffer holds clip 2 then clip 0, each within the float16 rounding bound of what was stored.
        AssertCloseToStored(clips[2].Context, batch.Contexts.AsSpan(0, 640));
        AssertCloseToStored(clips[0].Context, batch.Contexts.AsSpan(640, 640));
        Assert.True(batch.Clips[1].Context.Span.SequenceEqual(batch.Contexts.AsSpan(640, 640)));
    }

    [Fact]
    public async Task GetContextsAsync_NoIds_ReturnsEmpty()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        ClipContextBatch batch = await temp.Catalog.Clips.GetContextsAsync([]);

        Assert.Empty(batch.Clips);
        Assert.Empty(batch.Contexts);
    }

    internal static void AssertCloseToStored(float[] stored, ReadOnlySpan<float> decoded)
    {
        Assert.Equal(stored.Length, decoded.Length);
        for (int i = 0; i < stored.Length; i++)
            Assert.True(MathF.Abs(decoded[i] - stored[i]) <= ContextCodec.MaxFloat16Error(stored[i]),
                $"value {i}: {decoded[i]} vs stored {stored[i]}");
    }

    [Fact]
    public async Task GetEmbeddingsAsync_IdsWithOneRemoved_ReturnsTheStoredOnesByIdExactly()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, a) = await temp.AddVideoAsync("a.mp4");
        NewClip[] clips = [TempCatalog.Clip(0, seed: 4), TempCatalog.Clip(1, seed: 4)];
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(a, TempCatalog.Metadata, clips);
        VideoId gone = await temp.Catalog.Videos.BeginVideoAsync(root, "gone.mp4", new FileIdentity(5, 5, "v1:g"));
        CompletedVideo removed = await temp.Catalog.Writer.CompleteVideoAsync(gone, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        await temp.Catalog.Videos.RemoveVideoAsync(gone);

        IReadOnlyList<ClipEmbedding> embeddings = await temp.Catalog.Clips.GetEmbeddingsAsync(
            [done.NewClipIds[1], removed.NewClipIds[0], done.NewClipIds[0]]);

        Assert.Equal(done.NewClipIds, embeddings.Select(e => e.ClipId));
        Assert.Equal(clips.Select(c => c.Embedding), embeddings.Select(e => e.Embedding));
        Assert.Empty(await temp.Catalog.Clips.GetEmbeddingsAsync([]));
    }

    [Fact]
    public async Task ListByVideoAsync_ClipsStoredOutOfOrder_ListsThemInPlanOrder()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
            [TempCatalog.Clip(1), TempCatalog.Clip(0)]);

        IReadOnlyList<ClipSpanRow> rows = await temp.Catalog.Clips.ListByVideoAsync(video);

        Assert.Equal([new ClipSpanRow(done.NewClipIds[1], 0, 0.0, 2.0), new ClipSpanRow(done.NewClipIds[0], 1, 2.0, 4.0)], rows);
        Assert.Empty(await temp.Catalog.Clips.ListByVideoAsync(new VideoId(video.Value + 1)));
    }

    [Fact]
    public async Task GetThumbnailAsync_UnknownClip_ReturnsNull()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        Assert.Null(await temp.Catalog.Clips.GetThumbnailAsync(12345));
    }
}
