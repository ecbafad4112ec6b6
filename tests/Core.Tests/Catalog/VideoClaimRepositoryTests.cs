using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>Claims on a SQLite catalog: one writer, whose own leases still count while it works.</summary>
public class VideoClaimRepositoryTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ClaimNextAsync_OwnVideoInFlight_ClaimsTheNextOneThenNothing()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
        var (root, first) = await temp.AddVideoAsync("a.mp4");
        VideoId second = await temp.Catalog.Videos.BeginVideoAsync(root, "b.mp4", new FileIdentity(1000, 42, "v1:b"));

        ClaimedVideo? a = await temp.Catalog.Claims.ClaimNextAsync([root], Lease);
        ClaimedVideo? b = await temp.Catalog.Claims.ClaimNextAsync([root], Lease);
        ClaimedVideo? none = await temp.Catalog.Claims.ClaimNextAsync([root], Lease);

        Assert.Equal(first, a?.Id);
        Assert.Equal(second, b?.Id);
        Assert.Null(none);
        Assert.Equal(new ClaimOutlook(0, 0), await temp.Catalog.Claims.OutlookAsync([root]));
    }

    [Fact]
    public async Task ClaimNextAsync_LeaseOfAnEarlierProcess_IsFreeAtOnce()
    {
        string directory = TempCatalog.NewDirectory();
        try
        {
            RootId root;
            VideoId video;
            using (VideoCatalog earlier = await VideoCatalog.OpenAsync(directory))
            {
                root = await earlier.Roots.AddAsync(Path.Combine(directory, "media"));
                video = await earlier.Videos.BeginVideoAsync(root, "a.mp4", new FileIdentity(1000, 42, "v1:a"));
                Assert.Equal(video, (await earlier.Claims.ClaimNextAsync([root], Lease))?.Id);
            }

            // The earlier process stopped without giving its lease back; a SQLite catalog has no other live writer.
            using VideoCatalog later = await VideoCatalog.OpenAsync(directory);
            Assert.Equal(new ClaimOutlook(1, 0), await later.Claims.OutlookAsync([root]));
            Assert.Equal(video, (await later.Claims.ClaimNextAsync([root], Lease))?.Id);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
