using System.Globalization;
using System.Text;

namespace VideoSearch.Bench.Load;

/// <summary>What a load run measured: throughput, latency percentiles, failures by HTTP status (0: no answer).</summary>
public sealed record LoadReport(
    int Clients,
    TimeSpan Elapsed,
    long Requests,
    long Succeeded,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<int, long> ErrorsByStatus)
{
    /// <summary>Failed requests of any kind.</summary>
    public long Errors => ErrorsByStatus.Values.Sum();

    /// <summary>Builds the report from every request's latency (successes only) and the failure counts.</summary>
    public static LoadReport From(int clients, TimeSpan elapsed, List<double> successLatenciesMs, IReadOnlyDictionary<int, long> errors)
    {
        successLatenciesMs.Sort();
        long failed = errors.Values.Sum();
        long total = successLatenciesMs.Count + failed;
        return new LoadReport(
            clients,
            elapsed,
            total,
            successLatenciesMs.Count,
            total / Math.Max(elapsed.TotalSeconds, 1e-9),
            Percentile(successLatenciesMs, 0.50),
            Percentile(successLatenciesMs, 0.95),
            Percentile(successLatenciesMs, 0.99),
            successLatenciesMs.Count == 0 ? 0 : successLatenciesMs[^1],
            errors);
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 when there are none.</summary>
    public static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        int rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The figures, one per line.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"clients         {Clients}");
        text.AppendLine(c, $"duration        {Elapsed.TotalSeconds:F1} s");
        text.AppendLine(c, $"requests        {Requests} ({Succeeded} ok)");
        text.AppendLine(c, $"requests/s      {RequestsPerSecond:F1}");
        text.AppendLine(c, $"latency p50     {P50Ms:F1} ms");
        text.AppendLine(c, $"latency p95     {P95Ms:F1} ms");
        text.AppendLine(c, $"latency p99     {P99Ms:F1} ms");
        text.AppendLine(c, $"latency max     {MaxMs:F1} ms");
        text.Append(c, $"errors          {Errors}");
        foreach (var (status, count) in ErrorsByStatus.OrderBy(e => e.Key))
            text.Append(c, $"{Environment.NewLine}  {(status == 0 ? "no answer" : "HTTP " + status)}: {count}");
        return text.ToString();
    }
}
