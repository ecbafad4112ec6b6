namespace VideoSearch.Bench.Load;

/// <summary>
/// <c>scripts/bench load --url http://127.0.0.1:5080 [--seconds 60] [--clients 16] [--queries "a,b"] [--top 10] [--token T]</c>:
/// concurrent clients searching a running server (e.g. while it indexes); prints requests/s, latency percentiles and
/// errors by status. The server's per-client rate limit applies: start it with <c>--Web:RateLimitPerSecond=0</c>
/// to measure the server rather than the limit.
/// </summary>
public sealed class LoadBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "load";

    /// <inheritdoc />
    public string Description => "N concurrent clients searching a running server for S seconds: requests/s, p50/p95/p99, errors";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"load: {e.Message}");
            Console.Error.WriteLine("usage: scripts/bench load --url http://127.0.0.1:5080 [--seconds 60] [--clients 16] [--queries \"a,b,c\"] [--top 10] [--token T]");
            return 2;
        }

        Console.WriteLine($"load: {options.Clients} clients, {options.Duration.TotalSeconds:F0} s, {options.Queries.Count} queries, top {options.Top}, against {options.Url}");
        var report = await LoadRun.RunAsync(options, cancellationToken);
        Console.WriteLine(report);
        if (report.ErrorsByStatus.ContainsKey(429))
            Console.WriteLine("note: HTTP 429 is the server's per-client rate limit (Web:RateLimitPerSecond), not a failure to serve.");
        return report.Errors == 0 ? 0 : 1;
    }
}
