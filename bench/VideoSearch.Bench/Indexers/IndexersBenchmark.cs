using System.Globalization;
using VideoSearch.Bench.Search;
using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Bench.Indexers;

/// <summary>
/// What sharing a library through PostgreSQL costs the indexers, beside SQLite's single writer, measured side by side
/// in one run with a fresh catalog each: SQLite with one indexer, PostgreSQL with 1, 2 and 3. First the catalog alone
/// (<see cref="CatalogOnlyRun"/>: claim and write latency, bytes per clip, the lease calls' share of the indexers'
/// time), then the real program (<see cref="IndexerProcesses"/>, the tiny test model so the catalog's part is visible).
/// The machine's cores are shared, so the headline is the coordination overhead, not throughput; it should stay under
/// 5%. The PostgreSQL server is a throwaway one (<c>scripts/postgres</c>, fsync on), stopped and deleted at the end.
/// Usage: <c>scripts/bench indexers [videos=100] [clips-per-video=20] [rounds=3]</c> (rounds: end-to-end runs of
/// SQLite and PostgreSQL x1, alternated, of which the fastest counts).
/// </summary>
public sealed class IndexersBenchmark : IBenchmark
{
    private const double Target = 0.05;
    private const int WarmUpVideos = 5;
    private static readonly int[] SharedIndexers = [1, 2, 3];

    public string Name => "indexers";

    public string Description => "SQLite x1 vs PostgreSQL x1-3 indexers: clips/s, claim and write latency, bytes/clip, coordination overhead";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int videos = Argument(args, 0, 100), clipsPerVideo = Argument(args, 1, 20), rounds = Argument(args, 2, 3);
        string work = Path.Combine(Path.GetTempPath(), $"vs-bench-indexers-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            await using PostgresServer server = await PostgresServer.StartAsync(cancellationToken);
            int postmaster = int.Parse(File.ReadLines(Path.Combine(server.Directory, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            Console.WriteLine(CpuDescription.Line());
            Console.WriteLine($"{Environment.ProcessorCount} logical cores, load {BenchPaths.LoadAverage()}; PostgreSQL {await ServerVersionAsync(server, cancellationToken)} " +
                              "(throwaway, fsync on); a fresh catalog for every run");
            var fresh = new FreshCatalogs(server, work);

            var clips = new SyntheticClips(new ModelState("bench/model", "r1", 512, 49, 512), clipsPerVideo);
            Console.WriteLine();
            Console.WriteLine($"catalog only: {videos} videos x {clipsPerVideo} synthetic clips (embedding 512, context 49x512 float16, thumbnail 6 KB), " +
                              "each indexer renewing once per video (an indexer renews every 20 s: an upper bound)");
            // Untimed, so that the first measured run does not pay for compiling the catalog's code paths.
            foreach (bool shared in new[] { false, true })
                await fresh.RunAsync(shared, store => CatalogOnlyRun.RunAsync(store, 1, WarmUpVideos, clips, cancellationToken), cancellationToken);
            var micro = new List<CatalogOnlyRun.Result>
            {
                await fresh.RunAsync(false, store => CatalogOnlyRun.RunAsync(store, 1, videos, clips, cancellationToken), cancellationToken),
            };
            foreach (int n in SharedIndexers)
                micro.Add(await fresh.RunAsync(true, store => CatalogOnlyRun.RunAsync(store, n, videos, clips, cancellationToken), cancellationToken));
            IndexersReport.CatalogOnly(micro);

            string media = Path.Combine(work, "media");
            CopyFolder(Fixtures.Media, media);
            string cli = Fixtures.CliAssembly(), model = Fixtures.Reference("xclip-tiny-clipvocab");
            Console.WriteLine();
            Console.WriteLine($"end to end: videosearch index over a copy of tests/fixtures/media " +
                              $"({Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Count()} files), model xclip-tiny-clipvocab; " +
                              $"SQLite x1 and PostgreSQL x1 alternated {rounds} times, then PostgreSQL x2 and x3");
            Task<IndexerProcesses.Result> Index(bool shared, int indexers) => fresh.RunAsync(shared,
                store => IndexerProcesses.RunAsync(cli, media, model, store, indexers, shared ? postmaster : 0, cancellationToken), cancellationToken);
            var endToEnd = new List<IndexerProcesses.Result>();
            for (int round = 0; round < rounds; round++)
                foreach (bool shared in new[] { false, true })
                    endToEnd.Add(await Index(shared, 1));
            foreach (int n in SharedIndexers.Skip(1)) endToEnd.Add(await Index(true, n));
            IndexersReport.EndToEnd(endToEnd);

            Console.WriteLine();
            bool under = IndexersReport.Verdict(micro, endToEnd, Target);
            Console.WriteLine($"coordination overhead under {Target:P0}: {(under ? "yes" : "no")}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], out int value) && value > 0 ? value : fallback;

    private static async Task<string> ServerVersionAsync(PostgresServer server, CancellationToken token)
    {
        await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(token);
        return connection.PostgreSqlVersion.ToString();
    }

    /// <summary>Copies the media into the benchmark's folder, so the library roots are the benchmark's own and never the fixtures.</summary>
    private static void CopyFolder(string source, string destination)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
