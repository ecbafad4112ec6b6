using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class CandidateRepositoryTests : CatalogTests
{
    // 2023-11-14T22:13:20.123456789Z: the listing keeps milliseconds of the nanosecond write time.
    private const long ModifiedNs = 1_700_000_000_123_456_789;

    [Fact]
    public async Task GetCandidatesAsync_IdsInAnyOrderWithOneMissingAndOneRepeated_ReturnsFoundClipsWithVectorsInRequestOrder()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        NewClip[] clips = [TempCatalog.Clip(0), TempCatalog.Clip(1), TempCatalog.Clip(2)];
        var (video, done) = await temp.IndexVideoAsync(root, "a.mp4", clips, modifiedUnixNs: ModifiedNs);
        long[] request = [done.NewClipIds[2], 987_654, done.NewClipIds[0], done.NewClipIds[2]];

        using CandidateBatch batch = await temp.Catalog.Candidates.GetCandidatesAsync(request, TempCatalog.TinyModel, default);

        Assert.Equal([done.NewClipIds[2], done.NewClipIds[0]], batch.Clips.Select(c => c.ClipId));
        CandidateClip first = batch.Clips[0];
        Assert.Equal(new CandidateClip(done.NewClipIds[2], video.Value, "/library/a.mp4", 12.5, 4.0, 6.0,
            DateTimeOffset.FromUnixTimeMilliseconds(ModifiedNs / 1_000_000)), first);
        // Embeddings are stored bit-exactly; contexts as float16.
        Assert.Equal(clips[2].Embedding.Concat(clips[0].Embedding), batch.Embeddings.ToArray());
        ClipRepositoryTests.AssertCloseToStored(clips[2].Context, batch.Contexts.Span[..640]);
        ClipRepositoryTests.AssertCloseToStored(clips[0].Context, batch.Contexts.Span[640..]);
    }

    [Fact]
    public async Task GetCandidatesAsync_ModelOfOtherShape_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var (_, done) = await temp.IndexVideoAsync(root, "a.mp4", [TempCatalog.Clip(0)]);

        var error = await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Candidates.GetCandidatesAsync(done.NewClipIds,
            TempCatalog.TinyModel with { EmbeddingDim = 512 }, default));

        Assert.Contains("40 embedding values", error.Message);
    }

    [Fact]
    public async Task GetClipsAsync_IdsWithOneMissing_ReturnsFoundClipsInRequestOrder()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var (_, a) = await temp.IndexVideoAsync(root, "a.mp4", [TempCatalog.Clip(0), TempCatalog.Clip(1)]);
        var (_, b) = await temp.IndexVideoAsync(root, "b.mp4", [TempCatalog.Clip(0, seed: 2)]);

        IReadOnlyList<CandidateClip> found = await temp.Catalog.Candidates.GetClipsAsync(
            [b.NewClipIds[0], 55_555, a.NewClipIds[1]], default);

        Assert.Equal([(b.NewClipIds[0], "/library/b.mp4"), (a.NewClipIds[1], "/library/a.mp4")],
            found.Select(c => (c.ClipId, c.VideoPath)));
        Assert.Empty(await temp.Catalog.Candidates.GetClipsAsync([], default));
    }

    [Fact]
    public async Task GetEmbeddingAsync_StoredAndUnknownClip_ReturnsItExactlyOrNull()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        NewClip clip = TempCatalog.Clip(0, seed: 5);
        var (_, done) = await temp.IndexVideoAsync(root, "a.mp4", [clip]);

        Assert.Equal(clip.Embedding, await temp.Catalog.Candidates.GetEmbeddingAsync(done.NewClipIds[0], default));
        Assert.Null(await temp.Catalog.Candidates.GetEmbeddingAsync(done.NewClipIds[0] + 100, default));
    }

    [Fact]
    public async Task GetClipIdsOfVideoAsync_ClipsStoredOutOfTimeOrder_ReturnsThemByStart()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var (video, done) = await temp.IndexVideoAsync(root, "a.mp4", [TempCatalog.Clip(2), TempCatalog.Clip(0), TempCatalog.Clip(1)]);

        IReadOnlyList<long> ids = await temp.Catalog.Candidates.GetClipIdsOfVideoAsync(video.Value, default);

        Assert.Equal([done.NewClipIds[1], done.NewClipIds[2], done.NewClipIds[0]], ids);
        Assert.Empty(await temp.Catalog.Candidates.GetClipIdsOfVideoAsync(video.Value + 1, default));
    }

    [Fact]
    public async Task GetSampleClipIdsAsync_FewerThanStored_ReturnsTheSameDistinctStoredIdsEachTime()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var (_, done) = await temp.IndexVideoAsync(root, "a.mp4", Enumerable.Range(0, 12).Select(i => TempCatalog.Clip(i)).ToArray());

        IReadOnlyList<long> sample = await temp.Catalog.Candidates.GetSampleClipIdsAsync(5, default);

        Assert.Equal(5, sample.Distinct().Count());
        Assert.Subset(done.NewClipIds.ToHashSet(), sample.ToHashSet());
        Assert.Equal(sample, await temp.Catalog.Candidates.GetSampleClipIdsAsync(5, default));
        Assert.Equal(done.NewClipIds.Order(), (await temp.Catalog.Candidates.GetSampleClipIdsAsync(100, default)).Order());
    }

    [Fact]
    public async Task GetAllowedClipIdsAsync_EachFilter_AdmitsOnlyTheClipsOfMatchingVideos()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var (_, shortOld) = await temp.IndexVideoAsync(root, "a/short.mp4", [TempCatalog.Clip(0)],
            TempCatalog.Metadata with { DurationSeconds = 5 }, modifiedUnixNs: Ns(2020));
        var (_, longNew) = await temp.IndexVideoAsync(root, "a/long.mp4", [TempCatalog.Clip(0), TempCatalog.Clip(1)],
            TempCatalog.Metadata with { DurationSeconds = 600 }, modifiedUnixNs: Ns(2024));
        // "/library/ab" shares the characters of "/library/a" but is another folder.
        var (_, sibling) = await temp.IndexVideoAsync(root, "ab/other.mp4", [TempCatalog.Clip(0)],
            TempCatalog.Metadata with { DurationSeconds = 60 }, modifiedUnixNs: Ns(2022));
        var candidates = temp.Catalog.Candidates;

        Assert.Equal(Ids(shortOld, longNew, sibling), await candidates.GetAllowedClipIdsAsync(new ClipFilter(), default));
        Assert.Equal(Ids(shortOld, longNew), await candidates.GetAllowedClipIdsAsync(new ClipFilter(Folder: "/library/a/"), default));
        Assert.Equal(Ids(longNew, sibling), await candidates.GetAllowedClipIdsAsync(new ClipFilter(MinDurationSeconds: 60), default));
        Assert.Equal(Ids(shortOld, sibling), await candidates.GetAllowedClipIdsAsync(new ClipFilter(MaxDurationSeconds: 60), default));
        Assert.Equal(Ids(longNew, sibling), await candidates.GetAllowedClipIdsAsync(
            new ClipFilter(ModifiedAfter: new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)), default));
        Assert.Equal(Ids(shortOld), await candidates.GetAllowedClipIdsAsync(
            new ClipFilter(ModifiedBefore: new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)), default));
        Assert.Equal(Ids(sibling), await candidates.GetAllowedClipIdsAsync(
            new ClipFilter(Folder: "/library/ab", MinDurationSeconds: 10, MaxDurationSeconds: 100), default));
    }

    /// <summary>New Year's Day of <paramref name="year"/>, UTC, in nanoseconds since the Unix epoch.</summary>
    internal static long Ns(int year) => new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    private static HashSet<long> Ids(params CompletedVideo[] videos) => videos.SelectMany(v => v.NewClipIds).ToHashSet();
}
