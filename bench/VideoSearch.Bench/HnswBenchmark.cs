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
            long[] truth = ExactNeighbours.Find(data, queries, size, queryCount, dim, K);
            Console.WriteLine($"exact ground truth (blocked scan of every vector): {clock.Elapsed.TotalSeconds:F1} s");
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
            Print(ours, theirs, threads);
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
        // The build left gigabytes of garbage (the per-vector copies AddRange consumed): collect it now, so a
        // background collection does not compete with the timed queries for the cores and the memory bus.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var runs = new List<OurRun>();
        foreach (int ef in efs)
        {
            index.EfSearch = ef;
            // Enough warm-up queries for the search path to reach its optimised (tier-1) code before timing.
            for (int q = 0; q < Math.Min(200, queryCount); q++) index.Search(queries.AsSpan(q * dim, dim), K);
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

    private static void Print(OurResult ours, HnswlibPeer.Result? theirs, int threads)
    {
        Console.WriteLine((theirs == null ? $"built on {threads} threads" : $"both built on {threads} threads with the same M and efConstruction") +
                          "; queries on 1 thread, one at a time; target: recall@10 >= 0.95 at >= 0.7x hnswlib's QPS, 1M built in <= 600 s");
        Console.WriteLine("(wall = elapsed time; cpu = process CPU time, steadier on a shared machine; ratio = ours/hnswlib)");
        Console.WriteLine($"{"",-28}{"ours",10}{"hnswlib",10}{"ratio",8}");
        Row("build wall s", ours.BuildSeconds, theirs?.BuildSeconds, "F1");
        Row("build cpu s", ours.BuildCpuSeconds, theirs?.BuildCpuSeconds, "F1");
        Row("file bytes/vector", ours.FileBytesPerVector, theirs?.FileBytesPerVector, "F0");
        Row("memory bytes/vector", ours.MemoryBytesPerVector, null, "F0");
        foreach (var run in ours.Runs)
        {
            var peer = theirs?.Runs.FirstOrDefault(r => r.Ef == run.Ef);
            Row($"ef {run.Ef,3} recall@10", run.Recall, peer?.Recall, "F4");
            Row($"ef {run.Ef,3} QPS 1 thread wall", run.Qps, peer?.Qps, "F0");
            Row($"ef {run.Ef,3} QPS 1 thread cpu", run.CpuQps, peer?.CpuQps, "F0");
        }
        if (theirs != null) Console.WriteLine($"(hnswlib {theirs.Version})");
    }

    private static void Row(string name, double ours, double? theirs, string format) =>
        Console.WriteLine($"{name,-28}{ours.ToString(format),10}" +
                          (theirs is { } t ? $"{t.ToString(format),10}{ours / t,8:F2}" : ""));

    private static List<int> IntList(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        string text = at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        return [.. text.Split(',').Select(int.Parse)];
    }
}
