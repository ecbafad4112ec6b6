using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class LibraryStatsQueryTests : CatalogTests
{
    [Fact]
    public async Task GetAsync_MixedLibrary_CountsByStatusAndListsFailures()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, indexed) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Writer.CompleteVideoAsync(indexed, TempCatalog.Metadata, [TempCatalog.Clip(0), TempCatalog.Clip(1)]);
        await temp.Catalog.Videos.BeginVideoAsync(root, "pending.mp4", new FileIdentity(1, 1, "v1:p"));
        VideoId failed = await temp.Catalog.Videos.BeginVideoAsync(root, "bad.mp4", new FileIdentity(2, 2, "v1:f"));
        await temp.Catalog.Videos.FailVideoAsync(failed, "decode", "invalid data found", new FileIdentity(2, 2, "v1:f"));

        LibraryStats stats = await temp.Catalog.Stats.GetAsync();

        Assert.Equal((1, 1, 1, 2L), (stats.PendingVideos, stats.IndexedVideos, stats.FailedVideos, stats.Clips));
        FailedVideo failure = Assert.Single(stats.Failures);
        Assert.Equal((failed, "decode", "invalid data found"), (failure.Id, failure.ErrorKind, failure.ErrorText));
        Assert.EndsWith("bad.mp4", failure.Path);
    }
}
