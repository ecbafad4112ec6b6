using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class ClipRepositoryTests
{
    [Fact]
    public async Task StreamEmbeddingsAsync_TwoVideos_YieldsEveryClipExactlyById()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
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
    public async Task GetContextsAsync_IdsInAnyOrderWithOneMissing_ReturnsFoundClipsInRequestOrder()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        NewClip[] clips = [TempCatalog.Clip(0), TempCatalog.Clip(1), TempCatalog.Clip(2)];
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips);
        long[] request = [done.NewClipIds[2], 987_654, done.NewClipIds[0]];

        IReadOnlyList<ClipContext> found = await temp.Catalog.Clips.GetContextsAsync(request);

        Assert.Equal([done.NewClipIds[2], done.NewClipIds[0]], found.Select(c => c.ClipId));
        ClipContext first = found[0];
        Assert.Equal(video, first.VideoId);
        Assert.Equal((4.0, 6.0), (first.StartSeconds, first.EndSeconds));
        Assert.Equal(clips[2].Context.Length, first.Context.Length);
        for (int i = 0; i < first.Context.Length; i++)
            Assert.True(MathF.Abs(first.Context[i] - clips[2].Context[i]) <= ContextCodec.MaxFloat16Error(clips[2].Context[i]));
    }

    [Fact]
    public async Task GetContextsAsync_NoIds_ReturnsEmpty()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();

        Assert.Empty(await temp.Catalog.Clips.GetContextsAsync([]));
    }

    [Fact]
    public async Task GetThumbnailAsync_UnknownClip_ReturnsNull()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();

        Assert.Null(await temp.Catalog.Clips.GetThumbnailAsync(12345));
    }
}
