using System.Diagnostics;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Core.Text;
using VideoSearch.Core.Vectors;
using VideoSearch.Search;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Ranking;
using VideoSearch.Search.Text;
using static TorchSharp.torch;

namespace VideoSearch.Bench.Search;

/// <summary>
/// Query latency of the two-stage search with the full-size X-CLIP architecture (random weights: the cost does not
/// depend on the values) over synthetic libraries: tokenize, encode, ANN and re-rank p50/p95 by library size and K,
/// recall of the final top 10 against re-ranking every clip, text encoding at true length against padding to 77, and
/// the real SQLite cost of fetching K candidates. Usage: <c>scripts/bench search [--sizes 10000,100000]
/// [--ks 20,50,100,200] [--queries 30] [--recall-clips 1000] [--sqlite-clips 4000] [--query-weights int8|fp32] [--text-only true]</c>; the text encoder
/// is timed with fp32 and int8 query weights side by side, after the CPU line, memory bandwidth and the linears alone.
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    private const int ClipsPerVideo = 10;

    public string Name => "search";

    public string Description => "search latency p50/p95 by stage (tokenize, encode, ANN, re-rank) vs library size and K; K recall";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var settings = BenchSettings.Parse(args);
        TorchRuntime.EnsureLoaded();
        manual_seed(0);
        var config = new XClipConfig();
        var model = new XClipModel(config);
        model.eval();
        var tokenizer = ClipTokenizer.FromFolder(TokenizerFolder());
        using var inference = new XClipInference(model, tokenizer, "xclip-base-patch32 architecture, random weights");
        int dim = config.ProjectionDim, patches = inference.ContextPatches, contextLength = patches * dim;
        Console.WriteLine($"search benchmark: full-size X-CLIP (P={dim}, context {patches}x{dim}, float16 stored), " +
                          $"{Environment.ProcessorCount} cores, torch threads {get_num_threads()}, {settings.Queries} queries per figure");

        Console.WriteLine(CpuDescription.Line());
        MemoryBandwidthMeasurement.Run();
        double linearsMs = LinearKernelMeasurement.Run();
        var fp32 = await new TextEncodingMeasurement(inference, "fp32 weights").RunAsync(cancellationToken);
        model.UseQueryWeights(XClipQueryWeights.Int8);
        var int8 = await new TextEncodingMeasurement(inference, "int8 query weights").RunAsync(cancellationToken);
        Console.WriteLine($"text encoder p50 / p95, ms: fp32 {fp32.P50:F2} / {fp32.P95:F2}; int8 {int8.P50:F2} / {int8.P95:F2} " +
                          $"({fp32.P50 / int8.P50:F1}x at p50); int8 p50 less its linears alone: {int8.P50 - linearsMs:F2} ms of other ops " +
                          $"(embeddings, layer norms, attention, masks, TorchSharp calls); the libraries below use {settings.QueryWeights}");
        model.UseQueryWeights(settings.QueryWeights);
        if (settings.TextOnly) return 0;
        byte[][] pool = ContextPool(256, contextLength, seed: 7);

        await RecallAsync(inference, settings, pool, cancellationToken);
        foreach (int size in settings.Sizes)
            await LatencyAsync(inference, settings, size, pool, cancellationToken);
        await new SqliteFetchMeasurement(dim, patches, pool).RunAsync(settings.SqliteClips, settings.Ks, cancellationToken);
        return 0;
    }

    private static async Task LatencyAsync(XClipInference inference, BenchSettings settings, int size, byte[][] pool,
        CancellationToken cancellationToken)
    {
        var (index, catalog, buildSeconds) = BuildLibrary(inference, size, pool);
        using (index)
        {
            Console.WriteLine();
            Console.WriteLine($"library {size:N0} clips: HNSW (M=16, efConstruction=100) built in {buildSeconds:F1} s; " +
                              $"{index.AllocatedBytes / 1048576.0:F0} MiB; latency in ms, p50 / p95");
            await RerankBreakdownAsync(inference, index, catalog, settings, cancellationToken);
            Console.WriteLine($"{"K",5} {"tokenize",15} {"encode",15} {"ANN",15} {"re-rank",15} {"total",15} {"total, cached text",20} {"gen2 GCs",9}");
            foreach (int k in settings.Ks)
            {
                var service = Service(inference, index, catalog, k, cacheSize: 0);
                var cached = Service(inference, index, catalog, k, cacheSize: 1024);
                var runs = new List<SearchTimings>();
                int gen2Before = GC.CollectionCount(2);
                var cachedTotals = new List<double>();
                for (int q = -3; q < settings.Queries; q++)
                {
                    string query = QueryPhrases.All[(q + 3) % QueryPhrases.All.Length];
                    var response = await service.SearchAsync(new SearchRequest(query, 10), cancellationToken);
                    if (q >= 0) runs.Add(response.Timings);
                    await cached.SearchAsync(new SearchRequest(query, 10), cancellationToken); // fills the cache
                    var start = Stopwatch.GetTimestamp();
                    await cached.SearchAsync(new SearchRequest(query, 10), cancellationToken);
                    if (q >= 0) cachedTotals.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                Console.WriteLine($"{k,5} {Cell(runs.Select(r => r.TokenizeMs))} {Cell(runs.Select(r => r.EncodeMs))} " +
                                  $"{Cell(runs.Select(r => r.AnnMs))} {Cell(runs.Select(r => r.RerankMs))} " +
                                  $"{Cell(runs.Select(r => r.TokenizeMs + r.EncodeMs + r.AnnMs + r.RerankMs))} {Cell(cachedTotals),20} {GC.CollectionCount(2) - gen2Before,9}");
            }
        }
    }

    /// <summary>Re-ranking split into the candidate read (here: float16 decode of the contexts) and the batched X-CLIP call.</summary>
    private static async Task RerankBreakdownAsync(XClipInference inference, HnswVectorIndex index, SyntheticSearchCatalog catalog,
        BenchSettings settings, CancellationToken cancellationToken)
    {
        var features = (await new QueryEncoder(inference, new TextFeatureCache(0)).EncodeAsync(QueryPhrases.All[0], cancellationToken)).Query.Features;
        var parts = new List<string>();
        foreach (int k in settings.Ks)
        {
            var ids = index.Search(features, k).Select(h => h.Id).ToList();
            var reranker = new ClipReranker(inference, catalog);
            var fetch = new List<double>();
            var score = new List<double>();
            for (int run = -2; run < 20; run++)
            {
                long start = Stopwatch.GetTimestamp();
                using var batch = await catalog.GetCandidatesAsync(ids, cancellationToken);
                double fetchMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                await reranker.ScoreAsync(features, batch, cancellationToken);
                if (run < 0) continue;
                fetch.Add(fetchMs);
                score.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            parts.Add($"K={k}: decode {Percentiles.Of(fetch, 50):F1} + score {Percentiles.Of(score, 50):F1}");
        }
        Console.WriteLine("re-rank split, ms p50: " + string.Join("; ", parts));
    }

    /// <summary>Recall of the final top 10 at each K against K = every clip, on a library small enough to re-rank whole.</summary>
    private static async Task RecallAsync(XClipInference inference, BenchSettings settings, byte[][] pool,
        CancellationToken cancellationToken)
    {
        int size = settings.RecallClips;
        var (index, catalog, _) = BuildLibrary(inference, size, pool);
        using (index)
        {
            var exhaustive = Service(inference, index, catalog, size, cacheSize: 1024);
            var truth = new List<HashSet<long>>();
            string[] queries = QueryPhrases.All.Take(Math.Min(10, settings.Queries)).ToArray();
            foreach (string query in queries)
                truth.Add(TopClips(await exhaustive.SearchAsync(new SearchRequest(query, 100), size, cancellationToken)));
            Console.WriteLine();
            Console.WriteLine($"recall of the final top-10 clips against re-ranking all {size} clips ({queries.Length} queries; " +
                              "random weights, so the prompt generator's effect is that of an untrained model)");
            foreach (int k in settings.Ks)
            {
                double recall = 0;
                for (int q = 0; q < queries.Length; q++)
                {
                    var top = TopClips(await exhaustive.SearchAsync(new SearchRequest(queries[q], 100), k, cancellationToken));
                    recall += top.Intersect(truth[q]).Count() / 10.0 / queries.Length;
                }
                Console.WriteLine($"  K={k,4}: recall@10 = {recall:F3}");
            }
        }
    }

    private static HashSet<long> TopClips(SearchResponse response) =>
        response.Videos.SelectMany(v => v.Moments).SelectMany(m => m.Clips).OrderByDescending(c => c.Score).Take(10).Select(c => c.ClipId).ToHashSet();

    private static (HnswVectorIndex Index, SyntheticSearchCatalog Catalog, double Seconds) BuildLibrary(
        XClipInference inference, int size, byte[][] pool)
    {
        int dim = inference.ProjectionDim;
        float[] vectors = SyntheticVectors.Clustered(size, dim, clusters: Math.Max(8, size / 200), seed: size);
        var clock = Stopwatch.StartNew();
        var index = new HnswVectorIndex(dim, new HnswOptions(M: 16, EfConstruction: 100)) { EfSearch = new VideoSearch.Core.Library.VectorSearchOptions().EfSearch };
        index.AddRange(Enumerable.Range(0, size).Select(i => ((long)i, vectors.AsSpan(i * dim, dim).ToArray())));
        var catalog = new SyntheticSearchCatalog(vectors, dim, pool, inference.ContextPatches * dim, ClipsPerVideo);
        return (index, catalog, clock.Elapsed.TotalSeconds);
    }

    private static SearchService Service(XClipInference inference, HnswVectorIndex index, SyntheticSearchCatalog catalog,
        int k, int cacheSize) =>
        new(new QueryEncoder(inference, new TextFeatureCache(cacheSize)), index, new ClipReranker(inference, catalog), catalog,
            Options.Create(new SearchOptions { CandidateCount = k, MaxTop = 100 }));

    private static byte[][] ContextPool(int count, int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        var pool = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            for (int v = 0; v < length; v++) values[v] = SyntheticVectors.Gaussian(random);
            pool[i] = ContextCodec.Encode(values);
        }
        return pool;
    }

    private static string Cell(IEnumerable<double> values)
    {
        var list = values.ToList();
        return $"{Percentiles.Of(list, 50),7:F2} / {Percentiles.Of(list, 95),5:F1}";
    }

    private static string TokenizerFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "reference", "xclip-tiny-clipvocab");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures/reference/xclip-tiny-clipvocab (the CLIP vocabulary) not found");
    }
}
