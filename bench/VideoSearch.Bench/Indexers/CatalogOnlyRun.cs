using System.Diagnostics;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Bench.Indexers;

/// <summary>
/// The catalog's side of indexing alone, with no model or media: indexers (each with a catalog of its own, so a lease
/// owner of its own, side by side in this process) take the scan lock, the first registers the pending videos, and
/// then each claims a video, renews its leases, stores the video's fixed synthetic clips through
/// <see cref="VideoCatalog.Writer"/>, and claims the next, as the indexing pipeline does, until none is left.
/// Renewing once per video is far more often than an indexer does (every third of the 60 s lease), so the renewal
/// share here is an upper bound.
/// </summary>
internal static class CatalogOnlyRun
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    // An indexer polls every second while others hold the last leases; the idle wait is not catalog work, and a
    // shorter poll keeps this run's wall time close to its work.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly VideoMetadata Metadata = new(60, 25, 320, 240, 0, "h264", null);

    /// <summary>What one run measured.</summary>
    public sealed record Result(string Name, int Indexers, int Videos, long Clips, TimeSpan Wall, CatalogCallTimes Calls, long Bytes)
    {
        public double ClipsPerSecond => Clips / Wall.TotalSeconds;

        /// <summary>Claim, renew and ending calls as a share of the indexers' time (each indexer's share of the wall time).</summary>
        public double LeaseShare => Calls.LeaseMs / (Indexers * Wall.TotalMilliseconds);

        /// <summary>The same with the scan lock's acquisition (waits behind the scanning indexer included).</summary>
        public double CoordinationShare => (Calls.LeaseMs + Calls.ScanLock.Sum()) / (Indexers * Wall.TotalMilliseconds);
    }

    /// <summary>Runs <paramref name="indexers"/> indexers over <paramref name="videos"/> videos of <paramref name="workload"/>'s clips in <paramref name="store"/>.</summary>
    public static async Task<Result> RunAsync(CatalogStore store, int indexers, int videos, SyntheticClips workload, CancellationToken token)
    {
        var catalogs = new List<VideoCatalog>();
        TimeSpan wall;
        CatalogCallTimes calls;
        try
        {
            for (int i = 0; i < indexers; i++) catalogs.Add(await store.OpenAsync(i, token));
            await catalogs[0].Model.SetAsync(workload.Model, token);
            RootId root = await catalogs[0].Roots.AddAsync("/bench/library", token);
            int scanned = 0;
            var clock = Stopwatch.StartNew();
            CatalogCallTimes[] parts = await Task.WhenAll(catalogs.Select(catalog => Task.Run(async () =>
            {
                var times = new CatalogCallTimes();
                long start = Stopwatch.GetTimestamp();
                await using (await catalog.Database.LockScanAsync(token))
                {
                    CatalogCallTimes.Since(times.ScanLock, start);
                    // The first indexer finds the videos new; the others, scanning after it, find them pending already.
                    if (Interlocked.Exchange(ref scanned, 1) == 0) await RegisterAsync(catalog, root, videos, token);
                }
                await IndexAsync(catalog, root, workload, times, token);
                return times;
            }, token)));
            wall = clock.Elapsed;
            calls = CatalogCallTimes.Merge(parts);
        }
        finally
        {
            foreach (VideoCatalog catalog in catalogs) catalog.Dispose();
        }
        LibraryStats stats = await store.StatsAsync(token);
        long expected = (long)videos * workload.Clips.Count;
        if (stats.IndexedVideos != videos || stats.Clips != expected)
            throw new InvalidOperationException($"{store.Name} x{indexers}: {stats.IndexedVideos} videos and {stats.Clips} clips stored, expected {videos} and {expected}");
        return new Result(store.Name, indexers, videos, stats.Clips, wall, calls, await store.BytesAsync(token));
    }

    private static async Task RegisterAsync(VideoCatalog catalog, RootId root, int videos, CancellationToken token)
    {
        for (int video = 0; video < videos; video++)
            await catalog.Videos.BeginVideoAsync(root, $"video-{video:D5}.mp4", new FileIdentity(1_000_000 + video, video, $"v1:{video:x}"), token);
    }

    /// <summary>The pipeline's claim loop (<c>ClaimedWork</c>) with the writer's store of each claimed video.</summary>
    private static async Task IndexAsync(VideoCatalog catalog, RootId root, SyntheticClips workload, CatalogCallTimes times, CancellationToken token)
    {
        RootId[] roots = [root];
        while (true)
        {
            long start = Stopwatch.GetTimestamp();
            ClaimedVideo? claimed = await catalog.Claims.ClaimNextAsync(roots, Lease, token);
            CatalogCallTimes.Since(times.Claim, start);
            if (claimed is null)
            {
                start = Stopwatch.GetTimestamp();
                ClaimOutlook outlook = await catalog.Claims.OutlookAsync(roots, token);
                CatalogCallTimes.Since(times.Ending, start);
                if (outlook.Claimable > 0) continue;
                if (outlook.LeasedByOthers == 0) break;
                await Task.Delay(Poll, token);
                continue;
            }
            start = Stopwatch.GetTimestamp();
            await catalog.Claims.RenewAsync(Lease, token);
            CatalogCallTimes.Since(times.Renew, start);
            start = Stopwatch.GetTimestamp();
            await catalog.Writer.CompleteVideoAsync(claimed.Id, Metadata, workload.Clips, token);
            CatalogCallTimes.Since(times.Write, start);
        }
        long end = Stopwatch.GetTimestamp();
        await catalog.Claims.ReleaseAsync(token);
        CatalogCallTimes.Since(times.Ending, end);
    }
}
