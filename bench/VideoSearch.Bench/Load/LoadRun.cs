using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace VideoSearch.Bench.Load;

/// <summary>Runs N clients, each sending one search after another (closed loop) until the time is up.</summary>
public static class LoadRun
{
    /// <summary>Runs the load described by <paramref name="options"/> and measures it.</summary>
    public static async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        if (options.Token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);

        var latencies = new ConcurrentBag<List<double>>();
        var errors = new ConcurrentDictionary<int, long>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(options.Duration);

        var clients = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var mine = new List<double>();
            latencies.Add(mine);
            for (int i = client; !stop.IsCancellationRequested; i++)
            {
                string query = options.Queries[i % options.Queries.Count];
                string path = $"api/search?q={Uri.EscapeDataString(query)}&top={options.Top}";
                long started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop.Token);
                    if (response.IsSuccessStatusCode) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else errors.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The run ended while this request was in flight: neither a success nor an error.
                }
                catch (HttpRequestException)
                {
                    errors.AddOrUpdate(0, 1, (_, n) => n + 1);
                }
                catch (TaskCanceledException)
                {
                    // HttpClient's own timeout.
                    errors.AddOrUpdate(0, 1, (_, n) => n + 1);
                }
            }
        })).ToList();
        await Task.WhenAll(clients);
        clock.Stop();

        var all = latencies.SelectMany(l => l).ToList();
        return LoadReport.From(options.Clients, clock.Elapsed, all, new Dictionary<int, long>(errors));
    }
}
