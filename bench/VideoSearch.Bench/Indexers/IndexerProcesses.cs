using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Bench.Indexers;

/// <summary>
/// End to end with the real program: N <c>videosearch index MEDIA --db DIR --model MODEL [--catalog CS]</c> processes
/// started together on one catalog, measured from their start to the last one's exit (program start and model load
/// included, as a user waits for them), with the CPU they and the PostgreSQL server used.
/// </summary>
internal static partial class IndexerProcesses
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>What one run measured; <paramref name="ServerCpu"/> is zero for SQLite.</summary>
    public sealed record Result(string Name, int Indexers, int Videos, long Clips, TimeSpan Wall, TimeSpan IndexerCpu, TimeSpan ServerCpu,
        long Bytes, IReadOnlyList<int> VideosPerIndexer)
    {
        public double ClipsPerSecond => Clips / Wall.TotalSeconds;

        public TimeSpan Cpu => IndexerCpu + ServerCpu;
    }

    /// <summary>
    /// Runs <paramref name="indexers"/> processes of <paramref name="cli"/> over <paramref name="media"/> into
    /// <paramref name="store"/>; <paramref name="serverPid"/> is the PostgreSQL postmaster's (0 with SQLite).
    /// </summary>
    /// <exception cref="InvalidOperationException">A process failed, or the catalog does not hold each video once.</exception>
    public static async Task<Result> RunAsync(string cli, string media, string model, CatalogStore store, int indexers, int serverPid,
        CancellationToken token)
    {
        TimeSpan cpuBefore = ProcessCpu.ReapedChildrenOfThisProcess();
        TimeSpan serverBefore = serverPid > 0 ? ProcessCpu.OfTree(serverPid) : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        string[] outputs = await Task.WhenAll(Enumerable.Range(0, indexers).Select(i => RunOneAsync(cli, media, model, store, i, token)));
        TimeSpan wall = clock.Elapsed;
        TimeSpan indexerCpu = ProcessCpu.ReapedChildrenOfThisProcess() - cpuBefore;
        await store.WaitForBackendsToEndAsync(token);
        TimeSpan serverCpu = serverPid > 0 ? ProcessCpu.OfTree(serverPid) - serverBefore : TimeSpan.Zero;

        List<int> perIndexer = outputs.Select(IndexedVideos).ToList();
        LibraryStats stats = await store.StatsAsync(token);
        if (perIndexer.Sum() != stats.IndexedVideos)
            throw new InvalidOperationException($"{store.Name} x{indexers}: the indexers say they indexed {perIndexer.Sum()} videos, the catalog holds {stats.IndexedVideos}");
        return new Result(store.Name, indexers, stats.IndexedVideos, stats.Clips, wall, indexerCpu, serverCpu, await store.BytesAsync(token), perIndexer);
    }

    private static async Task<string> RunOneAsync(string cli, string media, string model, CatalogStore store, int index, CancellationToken token)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { cli, "index", media, "--db", store.LibraryFolder(index), "--model", model })
            start.ArgumentList.Add(argument);
        if (store.ConnectionString is { } catalog)
        {
            start.ArgumentList.Add("--catalog");
            start.ArgumentList.Add(catalog);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("videosearch index did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(Timeout);
        try
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"videosearch index ({store.Name}, indexer {index}) exited with {process.ExitCode}: {(await stderr).Trim()}");
            return await stdout;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The videos a process says it indexed (IndexSummaryWriter's first line, "Indexed N videos: ...").</summary>
    private static int IndexedVideos(string output) =>
        IndexedLine().Match(output) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"videosearch index printed no summary: {output.Trim()}");

    [GeneratedRegex(@"^Indexed (\d+) videos:", RegexOptions.Multiline)]
    private static partial Regex IndexedLine();
}
