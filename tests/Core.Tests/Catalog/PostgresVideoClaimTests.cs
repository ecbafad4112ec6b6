using System.Collections.Concurrent;
using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>Leases on pending videos, as several indexers on one PostgreSQL catalog share them.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresVideoClaimTests(PostgresFixture postgres)
{
    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(10);

    // Long enough that a claim is still live for the statements right after it on a loaded machine, short enough to wait out.
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task ClaimNextAsync_FourLoopsOnTwoInstances_ClaimEveryVideoExactlyOnce()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var pending = new List<VideoId>();
        for (int i = 0; i < 20; i++)
            pending.Add(await temp.Catalog.Videos.BeginVideoAsync(root, $"v{i:00}.mp4", new FileIdentity(i, i, $"v1:{i}")));
        var claims = new ConcurrentBag<(string Owner, VideoId Video)>();

        async Task ClaimLoopAsync(VideoCatalog catalog)
        {
            // Null can mean another claimer took the last free row in the same instant: stop only when none is free.
            while (true)
            {
                ClaimedVideo? claimed = await catalog.Claims.ClaimNextAsync([root], LongLease);
                if (claimed is not null) claims.Add((catalog.Claims.Owner.Id, claimed.Id));
                else if ((await catalog.Claims.OutlookAsync([root])).Claimable == 0) return;
            }
        }
        await Task.WhenAll(new[] { temp.Catalog, other, temp.Catalog, other }.Select(c => Task.Run(() => ClaimLoopAsync(c))));

        Assert.Equal(pending.Select(v => v.Value).Order(), claims.Select(c => c.Video.Value).Order());
        Assert.Equal(2, claims.Select(c => c.Owner).Distinct().Count());
        ClaimOutlook outlook = await temp.Catalog.Claims.OutlookAsync([root]);
        int heldByOther = claims.Count(c => c.Owner == other.Claims.Owner.Id);
        Assert.Equal(new ClaimOutlook(0, heldByOther), outlook);
    }

    [Fact]
    public async Task ClaimNextAsync_LiveLeaseOfAnotherOwner_IsNotClaimedButAnExpiredOneIs()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        var (root, video) = await temp.AddVideoAsync("a.mp4");

        ClaimedVideo claimed = (await temp.Catalog.Claims.ClaimNextAsync([root], ShortLease))!;
        Assert.Equal((video, root, "a.mp4"), (claimed.Id, claimed.RootId, claimed.RelativePath));
        Assert.Equal(new FileIdentity(1000, 42, "v1:abc"), claimed.File);
        Assert.Null(await other.Claims.ClaimNextAsync([root], LongLease));
        Assert.Equal(new ClaimOutlook(0, 1), await other.Claims.OutlookAsync([root]));

        await WaitPastAsync(ShortLease);

        Assert.Equal(new ClaimOutlook(1, 0), await other.Claims.OutlookAsync([root]));
        Assert.Equal(video, (await other.Claims.ClaimNextAsync([root], LongLease))?.Id);
        Assert.Null(await temp.Catalog.Claims.ClaimNextAsync([root], LongLease));
    }

    [Fact]
    public async Task RenewAsync_BeforeTheLeaseEnds_KeepsOthersOut()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        var (root, _) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Claims.ClaimNextAsync([root], ShortLease);

        Assert.Equal(1, await temp.Catalog.Claims.RenewAsync(LongLease));
        await WaitPastAsync(ShortLease);

        Assert.Null(await other.Claims.ClaimNextAsync([root], LongLease));
        Assert.Equal(0, await other.Claims.RenewAsync(LongLease));
    }

    [Fact]
    public async Task ReleaseAsync_HeldLeases_FreesThemForOthersAtOnce()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        var (root, a) = await temp.AddVideoAsync("a.mp4");
        VideoId b = await temp.Catalog.Videos.BeginVideoAsync(root, "b.mp4", new FileIdentity(1, 1, "v1:b"));
        await temp.Catalog.Claims.ClaimNextAsync([root], LongLease);
        await temp.Catalog.Claims.ClaimNextAsync([root], LongLease);
        Assert.Equal(new ClaimOutlook(0, 2), await other.Claims.OutlookAsync([root]));

        Assert.Equal(2, await temp.Catalog.Claims.ReleaseAsync());

        Assert.Equal(new ClaimOutlook(2, 0), await other.Claims.OutlookAsync([root]));
        Assert.Equal(a, (await other.Claims.ClaimNextAsync([root], LongLease))?.Id);
        Assert.Equal(b, (await other.Claims.ClaimNextAsync([root], LongLease))?.Id);
    }

    [Fact]
    public async Task CompleteVideoAsync_LeaseTakenOverByAnother_ThrowsLeaseLostAndStoresNothing()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        var (root, video) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Claims.ClaimNextAsync([root], ShortLease);
        await WaitPastAsync(ShortLease);
        Assert.Equal(video, (await other.Claims.ClaimNextAsync([root], LongLease))?.Id);
        long changesBefore = await temp.Catalog.Changes.LatestAsync();

        var error = await Assert.ThrowsAsync<VideoLeaseLostException>(() =>
            temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0), TempCatalog.Clip(1)]));
        await Assert.ThrowsAsync<VideoLeaseLostException>(() =>
            temp.Catalog.Videos.FailVideoAsync(video, "decode", "broken", new FileIdentity(1000, 42, "v1:abc")));

        Assert.Equal(video, error.VideoId);
        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
        Assert.Empty(await temp.Catalog.Changes.ReadAfterAsync(changesBefore, 10));
        Assert.Equal(VideoStatus.Pending, (await temp.Catalog.Videos.GetAsync(video))!.Status);
        // The new holder's result is the one stored, and it ends the lease.
        await other.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        Assert.Equal(VideoStatus.Indexed, (await temp.Catalog.Videos.GetAsync(video))!.Status);
        Assert.Equal(new ClaimOutlook(0, 0), await temp.Catalog.Claims.OutlookAsync([root]));
    }

    [Fact]
    public async Task OutlookAsync_MixedVideos_CountsOnlyPendingUnderTheRootsAsked()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        RootId elsewhere = await temp.Catalog.Roots.AddAsync("/elsewhere");
        for (int i = 0; i < 4; i++)
            await temp.Catalog.Videos.BeginVideoAsync(root, $"p{i}.mp4", new FileIdentity(i, i, $"v1:{i}"));
        await temp.IndexVideoAsync(root, "done.mp4", [TempCatalog.Clip(0)]);
        await temp.Catalog.Videos.BeginVideoAsync(elsewhere, "x.mp4", new FileIdentity(9, 9, "v1:x"));
        await other.Claims.ClaimNextAsync([root], LongLease);
        await temp.Catalog.Claims.ClaimNextAsync([root], LongLease);

        // Its own lease is neither claimable nor another's.
        Assert.Equal(new ClaimOutlook(2, 1), await temp.Catalog.Claims.OutlookAsync([root]));
        Assert.Equal(new ClaimOutlook(3, 1), await temp.Catalog.Claims.OutlookAsync([root, elsewhere]));
        Assert.Equal(default, await temp.Catalog.Claims.OutlookAsync([]));
        Assert.Null(await temp.Catalog.Claims.ClaimNextAsync([], LongLease));
    }

    /// <summary>Waits until a lease of <paramref name="lease"/> taken before the call has run out by the server's clock.</summary>
    private static Task WaitPastAsync(TimeSpan lease) => Task.Delay(lease + TimeSpan.FromMilliseconds(200));
}
