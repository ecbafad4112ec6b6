using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class LibraryQueryTests : CatalogTests
{
    [Fact]
    public async Task ListAsync_Pages_ListIndexedVideosNewestFirstWithTotalAndMiddleThumbnail()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        // Clips 0..5 span 0-12 s of a 12.5 s video: clip 3 (6-8 s) is the one nearest its middle.
        var (old, _) = await temp.IndexVideoAsync(root, "old.mp4", [TempCatalog.Clip(0)], modifiedUnixNs: CandidateRepositoryTests.Ns(2020));
        var (middle, done) = await temp.IndexVideoAsync(root, "middle.mp4", Enumerable.Range(0, 6).Select(i => TempCatalog.Clip(i)).ToArray(),
            modifiedUnixNs: CandidateRepositoryTests.Ns(2022));
        var (newest, _) = await temp.IndexVideoAsync(root, "newest.mp4", [], TempCatalog.Metadata with { DurationSeconds = null },
            modifiedUnixNs: CandidateRepositoryTests.Ns(2024));
        await temp.Catalog.Videos.BeginVideoAsync(root, "pending.mp4", new FileIdentity(1, CandidateRepositoryTests.Ns(2025), "v1:p"));

        LibraryPage first = await temp.Catalog.Library.ListAsync(new ClipFilter(), offset: 0, limit: 2);
        LibraryPage second = await temp.Catalog.Library.ListAsync(new ClipFilter(), offset: 2, limit: 2);

        Assert.Equal(3, first.Total);
        Assert.Equal([newest, middle], first.Videos.Select(v => v.Id));
        Assert.Equal(new LibraryVideo(newest, "/library/newest.mp4", 0, 320, 240, CandidateRepositoryTests.Ns(2024), null), first.Videos[0]);
        Assert.Equal(done.NewClipIds[3], first.Videos[1].ThumbnailClipId);
        Assert.Equal(12.5, first.Videos[1].DurationSeconds);
        Assert.Equal(3, second.Total);
        Assert.Equal(old, Assert.Single(second.Videos).Id);
    }

    [Fact]
    public async Task ListAsync_Filter_CountsAndListsOnlyMatchingVideos()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        await temp.IndexVideoAsync(root, "a/long.mp4", [TempCatalog.Clip(0)], TempCatalog.Metadata with { DurationSeconds = 600 });
        await temp.IndexVideoAsync(root, "a/short.mp4", [TempCatalog.Clip(0)], TempCatalog.Metadata with { DurationSeconds = 5 });
        await temp.IndexVideoAsync(root, "b/long.mp4", [TempCatalog.Clip(0)], TempCatalog.Metadata with { DurationSeconds = 900 });

        LibraryPage page = await temp.Catalog.Library.ListAsync(new ClipFilter(Folder: "/library/a", MinDurationSeconds: 60), 0, 10);

        Assert.Equal(1, page.Total);
        Assert.Equal("/library/a/long.mp4", Assert.Single(page.Videos).Path);
    }

    [Fact]
    public async Task ListIndexedPathsAsync_MixedStatuses_ListsIndexedPathsInOrder()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        await temp.IndexVideoAsync(root, "b.mp4", [TempCatalog.Clip(0)]);
        await temp.IndexVideoAsync(root, "a.mp4", [TempCatalog.Clip(0)]);
        VideoId failed = await temp.Catalog.Videos.BeginVideoAsync(root, "c.mp4", new FileIdentity(1, 1, "v1:c"));
        await temp.Catalog.Videos.FailVideoAsync(failed, "decode", "broken", new FileIdentity(1, 1, "v1:c"));

        Assert.Equal(["/library/a.mp4", "/library/b.mp4"], await temp.Catalog.Library.ListIndexedPathsAsync());
    }

    [Fact]
    public async Task ListAsync_NegativeOffsetOrNoLimit_Throws()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => temp.Catalog.Library.ListAsync(new ClipFilter(), -1, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => temp.Catalog.Library.ListAsync(new ClipFilter(), 0, 0));
    }
}
