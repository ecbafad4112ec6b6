using System.Diagnostics;

namespace VideoSearch.Bench.Indexers;

/// <summary>
/// How long each catalog call an indexer makes took, in milliseconds, by kind: one instance per indexer (the lists
/// are not shared between threads), merged with <see cref="Merge"/> for a run.
/// </summary>
internal sealed class CatalogCallTimes
{
    /// <summary><c>ClaimNextAsync</c>, the empty claims at the end included.</summary>
    public List<double> Claim { get; } = [];

    /// <summary><c>RenewAsync</c>.</summary>
    public List<double> Renew { get; } = [];

    /// <summary>Taking the scan lock, waiting behind another indexer's scan included.</summary>
    public List<double> ScanLock { get; } = [];

    /// <summary>The calls that end an indexer's work: <c>OutlookAsync</c> after an empty claim, <c>ReleaseAsync</c>.</summary>
    public List<double> Ending { get; } = [];

    /// <summary><c>CompleteVideoAsync</c>: one video's clips in one transaction.</summary>
    public List<double> Write { get; } = [];

    /// <summary>Claiming, renewing and ending: the lease work SQLite's single writer would not need.</summary>
    public double LeaseMs => Claim.Sum() + Renew.Sum() + Ending.Sum();

    /// <summary>Adds the milliseconds since <paramref name="startTimestamp"/> to <paramref name="kind"/>.</summary>
    public static void Since(List<double> kind, long startTimestamp) => kind.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    /// <summary>Every call of <paramref name="parts"/>, kind by kind.</summary>
    public static CatalogCallTimes Merge(IEnumerable<CatalogCallTimes> parts)
    {
        var all = new CatalogCallTimes();
        foreach (CatalogCallTimes part in parts)
        {
            all.Claim.AddRange(part.Claim);
            all.Renew.AddRange(part.Renew);
            all.ScanLock.AddRange(part.ScanLock);
            all.Ending.AddRange(part.Ending);
            all.Write.AddRange(part.Write);
        }
        return all;
    }
}
