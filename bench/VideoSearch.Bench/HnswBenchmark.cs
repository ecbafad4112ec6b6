using System.Diagnostics;
using VideoSearch.Core.Vectors;

namespace VideoSearch.Bench;

/// <summary>
/// HNSW against exact search and against hnswlib on the same synthetic clustered vectors: recall@10, single-threaded
/// queries per second at several efSearch values, build time and bytes per vector.
/// Arguments: [--sizes 100000,1000000] [--queries 1000] [--dim 512] [--ef 32,64,128] [--m 16]
/// [--ef-construction 200] [--threads 2] [--no-peer].
/// </summary>
public sealed class HnswBenchmark : IBenchmark
{
    private const int K = 10;

    /// <inheritdoc />
    public string Name => "hnsw";

    /// <inheritdoc />
    public string Description => "HNSW vs exact search vs hnswlib: recall@10, QPS, build time, bytes/vector";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var sizes = IntList(args, "--sizes", "100000,1000000");
        var efs = IntList(args, "--ef", "32,64,128");
        int queries = IntList(args, "--queries", "1000")[0], dim = IntList(args, "--dim", "512")[0];
        int m = IntList(args, "--m", "16")[0], efConstruction = IntList(args, "--ef-construction", "200")[0];
        int threads = IntList(args, "--threads", "2")[0];
        bool peer = !args.Contains("--no-peer");
        Console.WriteLine($"hnsw: dim {dim}, 1000 clusters, {queries} queries, M {m}, efConstruction {efConstruction}, " +
                          $"build threads {threads}, {Environment.ProcessorCount} cores");
        foreach (int size in sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunSizeAsync(size, queries, dim, m, efConstruction, efs, threads, peer, cancellationToken);
        }
        return 0;
    }

    private static async Task RunSizeAsync(int size, int queryCount, int dim, int m, int efConstruction,
        IReadOnlyList<int> efs, int threads, bool peer, CancellationToken cancellationToken)
    {
        string work = Path.Combine(Path.GetTempPath(), $"videosearch-hnsw-{Environment.ProcessId}-{size}");
        Directory.CreateDirectory(work);
        try
        {
            var clock = Stopwatch.StartNew();
            var dataset = new ClusteredDataset(dim, clusters: 1000, seed: 7);
            float[] data = dataset.Generate(size, stream: 0);
            float[] queries = dataset.Generate(queryCount, stream: 1);
            Console.WriteLine($"\n== {size:N0} vectors: generated in {clock.Elapsed.TotalSeconds:F1} s");

            clock.Restart();
            long[] truth = GroundTruth(data, queries, size, queryCount, dim);
            Console.WriteLine($"exact ground truth (flat, parallel over queries): {clock.Elapsed.TotalSeconds:F1} s");
            if (peer)
            {
                HnswlibPeer.WriteMatrix<float>(Path.Combine(work, "data.f32"), data, size, dim);
                HnswlibPeer.WriteMatrix<float>(Path.Combine(work, "queries.f32"), queries, queryCount, dim);
                HnswlibPeer.WriteMatrix<long>(Path.Combine(work, "truth.i64"), truth, queryCount, K);
            }

            var ours = MeasureOurs(data, queries, truth, size, queryCount, dim, new HnswOptions(m, efConstruction) { BuildThreads = threads }, efs, work);
            data = [];
            GC.Collect();

            HnswlibPeer.Result? theirs = null;
            if (peer)
            {
                string script = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "hnswlib_peer.py");
                theirs = await HnswlibPeer.RunAsync(Path.GetFullPath(script), work, m, efConstruction, efs, threads, cancellationToken);
            }
            Print(ours, theirs);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record OurRun(int Ef, double Recall, double Qps, double CpuQps);

    private sealed record OurResult(double BuildSeconds, double BuildCpuSeconds, double FileBytesPerVector,
        double MemoryBytesPerVector, List<OurRun> Runs);

    /// <summary>CPU time of this process: on a shared machine it is steadier than wall time (as process_time is in the peer).</summary>
    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static OurResult MeasureOurs(float[] data, float[] queries, long[] truth, int size, int queryCount, int dim,
        HnswOptions options, IReadOnlyList<int> efs, string work)
    {
        using var index = new HnswVectorIndex(dim, options);
        var clock = Stopwatch.StartNew();
        var cpu = CpuTime();
        index.AddRange(Enumerable.Range(0, size).Select(i => ((long)i, data.AsSpan(i * dim, dim).ToArray())));
        double build = clock.Elapsed.TotalSeconds, buildCpu = (CpuTime() - cpu).TotalSeconds;
        string file = Path.Combine(work, "ours.vshnsw");
        index.Save(file);
        double fileBytes = new FileInfo(file).Length / (double)size;
        File.Delete(file);

        var runs = new List<OurRun>();
        foreach (int ef in efs)
        {
            index.EfSearch = ef;
            for (int q = 0; q < Math.Min(10, queryCount); q++) index.Search(queries.AsSpan(q * dim, dim), K);
            var hits = new IReadOnlyList<VectorHit>[queryCount];
            clock.Restart();
            cpu = CpuTime();
            for (int q = 0; q < queryCount; q++) hits[q] = index.Search(queries.AsSpan(q * dim, dim), K);
            double seconds = clock.Elapsed.TotalSeconds, cpuSeconds = (CpuTime() - cpu).TotalSeconds;
            int found = 0;
            for (int q = 0; q < queryCount; q++)
            {
                var exact = truth.AsSpan(q * K, K).ToArray().ToHashSet();
                found += hits[q].Count(h => exact.Contains(h.Id));
            }
            runs.Add(new OurRun(ef, found / (double)(K * queryCount), queryCount / seconds, queryCount / cpuSeconds));
        }
        return new OurResult(build, buildCpu, fileBytes, index.AllocatedBytes / (double)size, runs);
    }

    private static long[] GroundTruth(float[] data, float[] queries, int size, int queryCount, int dim)
    {
        using var flat = new FlatVectorIndex(dim, capacity: size);
        for (int i = 0; i < size; i++) flat.Add(i, data.AsSpan(i * dim, dim));
        var truth = new long[queryCount * K];
        Parallel.For(0, queryCount, q =>
        {
            var hits = flat.Search(queries.AsSpan(q * dim, dim), K);
            for (int j = 0; j < hits.Count; j++) truth[q * K + j] = hits[j].Id;
        });
        return truth;
    }

    private static void Print(OurResult ours, HnswlibPeer.Result? theirs)
    {
        Console.WriteLine("(wall = elapsed time; cpu = process CPU time, steadier on a shared machine)");
        Console.WriteLine($"build wall s:        ours {ours.BuildSeconds,9:F1}" + Peer(theirs?.BuildSeconds, ours.BuildSeconds, "F1"));
        Console.WriteLine($"build cpu s:         ours {ours.BuildCpuSeconds,9:F1}" + Peer(theirs?.BuildCpuSeconds, ours.BuildCpuSeconds, "F1"));
        Console.WriteLine($"file bytes/vector:   ours {ours.FileBytesPerVector,9:F0}" + Peer(theirs?.FileBytesPerVector, ours.FileBytesPerVector, "F0"));
        Console.WriteLine($"memory bytes/vector: ours {ours.MemoryBytesPerVector,9:F0} (arrays allocated by the graph)");
        foreach (var run in ours.Runs)
        {
            var peer = theirs?.Runs.FirstOrDefault(r => r.Ef == run.Ef);
            Console.WriteLine($"efSearch {run.Ef,4}: recall@10 ours {run.Recall:F4}" + (peer == null ? "" : $" hnswlib {peer.Recall:F4}"));
            Console.WriteLine($"  QPS 1 thread wall:   ours {run.Qps,9:F0}" + Peer(peer?.Qps, run.Qps, "F0", oursOverTheirs: true));
            Console.WriteLine($"  QPS 1 thread cpu:    ours {run.CpuQps,9:F0}" + Peer(peer?.CpuQps, run.CpuQps, "F0", oursOverTheirs: true));
        }
        if (theirs != null) Console.WriteLine($"(hnswlib {theirs.Version})");
    }

    /// <summary>The peer's figure and the ratio ours/theirs (throughput) or theirs/ours (times), i.e. above 1 = ours better.</summary>
    private static string Peer(double? theirs, double ours, string format, bool oursOverTheirs = false) =>
        theirs is not { } t ? "" : $"   hnswlib {t.ToString(format),9}   ours better by {(oursOverTheirs ? ours / t : t / ours):F2}x";

    private static List<int> IntList(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        string text = at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        return [.. text.Split(',').Select(int.Parse)];
    }
}
