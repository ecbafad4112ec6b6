using System.Globalization;
using VideoSearch.Bench.Search;

namespace VideoSearch.Bench.Indexers;

/// <summary>The indexers benchmark's tables and its verdict on the coordination overhead.</summary>
internal static class IndexersReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void CatalogOnly(IReadOnlyList<CatalogOnlyRun.Result> runs)
    {
        Console.WriteLine("  catalog      x  clips/s   claim ms p50/p95/max   renew ms p50   write ms/video p50/p95 (per clip)   scan lock ms max   bytes/clip   lease calls   with scan lock");
        foreach (CatalogOnlyRun.Result r in runs)
        {
            CatalogCallTimes t = r.Calls;
            Console.WriteLine(string.Create(C,
                $"  {r.Name,-11} {r.Indexers,2} {r.ClipsPerSecond,8:F0}   {P(t.Claim, 50),6:F2} {P(t.Claim, 95),6:F2} {t.Claim.Max(),7:F2}   {P(t.Renew, 50),12:F2}   " +
                $"{P(t.Write, 50),8:F1} {P(t.Write, 95),7:F1} ({P(t.Write, 50) / (r.Clips / r.Videos),5:F2})          {t.ScanLock.Max(),16:F1}   " +
                $"{r.Bytes / (double)r.Clips,10:F0}   {r.LeaseShare,11:P2}   {r.CoordinationShare,14:P2}"));
        }
        Console.WriteLine("  (lease calls: claim + renew + outlook + release time over the indexers' time; with scan lock: plus taking the lock,");
        Console.WriteLine("   which for the 2nd and 3rd indexer is waiting behind the 1st one's scan, and a catalog-only run has almost no work to set it against)");
    }

    public static void EndToEnd(IReadOnlyList<IndexerProcesses.Result> runs)
    {
        Console.WriteLine("  catalog      x   wall s  clips/s   CPU s (indexers + server)   bytes/clip   videos, clips   videos per indexer");
        foreach (IndexerProcesses.Result r in runs)
            Console.WriteLine(string.Create(C,
                $"  {r.Name,-11} {r.Indexers,2} {r.Wall.TotalSeconds,8:F1} {r.ClipsPerSecond,8:F2}   {r.Cpu.TotalSeconds,6:F1} ({r.IndexerCpu.TotalSeconds:F1} + {r.ServerCpu.TotalSeconds:F1})" +
                $"{"",-8}   {r.Bytes / (double)r.Clips,10:F0}   {r.Videos,6}, {r.Clips,5}   {string.Join(" + ", r.VideosPerIndexer)}"));
        if (runs.Select(r => r.Clips).Distinct().Count() != 1)
            throw new InvalidOperationException($"the runs stored different clip counts: {string.Join(", ", runs.Select(r => r.Clips))}");
        Console.WriteLine("  (wall: from starting the processes to the last one's exit, program start and model load included; CPU with their ffmpeg)");
    }

    /// <summary>Prints the overhead figures against <paramref name="target"/> and says whether all stay under it.</summary>
    public static bool Verdict(IReadOnlyList<CatalogOnlyRun.Result> micro, IReadOnlyList<IndexerProcesses.Result> endToEnd, double target)
    {
        Console.WriteLine($"coordination overhead (target: under {target:P0}):");
        List<IndexerProcesses.Result> sqlite = endToEnd.Where(r => r.Name == "SQLite").ToList();
        List<IndexerProcesses.Result> pg1 = endToEnd.Where(r => r.Name != "SQLite" && r.Indexers == 1).ToList();
        double bestSqlite = sqlite.Min(r => r.Wall.TotalSeconds), bestPg = pg1.Min(r => r.Wall.TotalSeconds);
        double wallOverhead = (bestPg - bestSqlite) / bestSqlite;
        double cpuSqlite = sqlite.Min(r => r.Cpu.TotalSeconds), cpuPg = pg1.Min(r => r.Cpu.TotalSeconds);
        double cpuOverhead = (cpuPg - cpuSqlite) / cpuSqlite;
        double spread = (sqlite.Max(r => r.Wall.TotalSeconds) - bestSqlite) / bestSqlite;
        Console.WriteLine(string.Create(C,
            $"  end to end, (PostgreSQL x1 - SQLite x1) / SQLite x1, fastest of {sqlite.Count} each: wall {wallOverhead:+0.0%;-0.0%} " +
            $"({bestPg:F1} s vs {bestSqlite:F1} s), CPU {cpuOverhead:+0.0%;-0.0%} ({cpuPg:F1} s vs {cpuSqlite:F1} s, server included); " +
            $"SQLite's own run-to-run wall spread {spread:P1}"));
        CatalogOnlyRun.Result baseline = micro.First(r => r.Name == "SQLite");
        foreach (CatalogOnlyRun.Result r in micro.Where(r => r != baseline))
            Console.WriteLine(string.Create(C,
                $"  catalog only, PostgreSQL x{r.Indexers}: claim + renew + outlook + release {r.LeaseShare:P2} of the indexers' time " +
                $"(SQLite x1 {baseline.LeaseShare:P2}: {(r.LeaseShare - baseline.LeaseShare) * 100:+0.00;-0.00} points beyond it); " +
                $"with the scan lock {r.CoordinationShare:P2}"));
        // The catalog-only run has no model time to set its lease calls against; a real video's indexing time does.
        CatalogOnlyRun.Result micro1 = micro.First(r => r != baseline && r.Indexers == 1);
        double leasePerVideo = micro1.Calls.LeaseMs / micro1.Videos, wallPerVideo = bestPg * 1000 / pg1[0].Videos;
        Console.WriteLine(string.Create(C,
            $"  lease calls per video (catalog only, PostgreSQL x1: {leasePerVideo:F1} ms) against the end-to-end time per video " +
            $"(PostgreSQL x1: {wallPerVideo:F0} ms): {leasePerVideo / wallPerVideo:P2}"));
        bool endToEndUnder = wallOverhead < target;
        bool leasesUnder = micro.Where(r => r != baseline).All(r => r.LeaseShare - baseline.LeaseShare < target);
        string noise = Math.Abs(wallOverhead) < spread ? $" (within SQLite's own run-to-run spread of {spread:P0}, so not resolved by this run)" : "";
        Console.WriteLine($"  end to end under {target:P0}: {(endToEndUnder ? "yes" : "no")}{noise}; " +
                          $"catalog-only lease calls beyond SQLite under {target:P0} for x1-x3: {(leasesUnder ? "yes" : "no")}");
        return endToEndUnder && leasesUnder;
    }

    private static double P(List<double> values, double percentile) => Percentiles.Of(values, percentile);
}
