using System.Diagnostics;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Bench;

/// <summary>
/// Catalog figures at library scale: clip insert rate, file bytes per clip, the full embedding scan that rebuilds
/// the vector index, and the re-ranking fetch (contexts of 100 random clip ids in one query).
/// Arguments: [clips=100000] [patches=49] [dim=512] [directory=temp].
/// </summary>
public sealed class CatalogBenchmark : IBenchmark
{
    private const int ClipsPerVideo = 50;
    private const int FetchBatch = 100;
    private const int WarmupRounds = 20;
    private const int FetchRounds = 200;
    private const int ThumbnailBytes = 6 * 1024;

    /// <inheritdoc/>
    public string Name => "catalog";

    /// <inheritdoc/>
    public string Description => "SQLite catalog: insert rate, bytes per clip, embedding scan, 100-id context fetch";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int clipCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        int patches = args.Length > 1 ? int.Parse(args[1]) : 49;
        int dim = args.Length > 2 ? int.Parse(args[2]) : 512;
        string directory = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"videosearch-catalog-bench-{Guid.NewGuid():N}");
        bool ownDirectory = args.Length <= 3;
        var model = new ModelState("bench/model", "r1", dim, patches, dim);
        try
        {
            using (VideoCatalog catalog = await VideoCatalog.OpenAsync(directory, cancellationToken))
            {
                await catalog.Model.SetAsync(model, cancellationToken);
                List<long> ids = await InsertAsync(catalog, model, clipCount, cancellationToken);
                long fileBytes = new DirectoryInfo(directory).GetFiles().Sum(f => f.Length);
                Console.WriteLine($"catalog files: {fileBytes / 1e6:F1} MB, {fileBytes / (double)clipCount:F0} bytes per clip " +
                    $"(context {ContextCodec.Encode(new float[model.ContextLength]).Length} B, embedding {dim * 4} B, thumbnail {ThumbnailBytes} B)");
                await ScanAsync(catalog, cancellationToken);
                await FetchAsync(catalog, ids, cancellationToken);
                MeasureDecode(model);
            }
            return 0;
        }
        finally
        {
            if (ownDirectory && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<long>> InsertAsync(VideoCatalog catalog, ModelState model, int clipCount,
        CancellationToken cancellationToken)
    {
        var random = new Random(7);
        // A pool of distinct contexts, cycled: generating 100k x 25k random floats would dominate the run, and the
        // database neither knows nor cares that contexts repeat.
        float[][] contexts = Enumerable.Range(0, 32).Select(_ => RandomFloats(random, model.ContextLength, 1f)).ToArray();
        byte[] thumbnail = new byte[ThumbnailBytes];
        random.NextBytes(thumbnail);
        thumbnail[0] = 0xFF; thumbnail[1] = 0xD8; thumbnail[2] = 0xFF;

        RootId root = await catalog.Roots.AddAsync("/bench/library", cancellationToken);
        var ids = new List<long>(clipCount);
        var watch = Stopwatch.StartNew();
        for (int video = 0; ids.Count < clipCount; video++)
        {
            VideoId id = await catalog.Videos.BeginVideoAsync(root, $"video-{video:D6}.mp4",
                new FileIdentity(1000 + video, video, $"v1:{video:x}"), cancellationToken);
            int count = Math.Min(ClipsPerVideo, clipCount - ids.Count);
            NewClip[] clips = Enumerable.Range(0, count).Select(i => new NewClip(i, i * 2.0, i * 2.0 + 2.0,
                [i * 2.0 + 0.5, i * 2.0 + 1.5], RandomFloats(random, model.EmbeddingDim, 0.05f),
                contexts[(ids.Count + i) % contexts.Length], thumbnail)).ToArray();
            CompletedVideo done = await catalog.Writer.CompleteVideoAsync(id,
                new VideoMetadata(100, 25, 320, 240, 0, "h264", null), clips, cancellationToken);
            ids.AddRange(done.NewClipIds);
        }
        watch.Stop();
        Console.WriteLine($"insert: {clipCount} clips in {watch.Elapsed.TotalSeconds:F1} s " +
            $"({clipCount / watch.Elapsed.TotalSeconds:F0} clips/s, {ClipsPerVideo} clips per transaction)");
        return ids;
    }

    private static async Task ScanAsync(VideoCatalog catalog, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        await foreach (ClipEmbedding _ in catalog.Clips.StreamEmbeddingsAsync(cancellationToken)) count++;
        watch.Stop();
        Console.WriteLine($"embedding scan: {count} clips in {watch.Elapsed.TotalSeconds:F2} s " +
            $"({count / watch.Elapsed.TotalSeconds:F0} clips/s)");
    }

    private static async Task FetchAsync(VideoCatalog catalog, List<long> ids, CancellationToken cancellationToken)
    {
        var random = new Random(11);
        var timings = new List<double>(FetchRounds);
        TimeSpan cpuStart = TimeSpan.Zero;
        for (int round = 0; round < FetchRounds + WarmupRounds; round++)
        {
            if (round == WarmupRounds) cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            long[] batch = Enumerable.Range(0, FetchBatch).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToArray();
            var watch = Stopwatch.StartNew();
            ClipContextBatch fetched = await catalog.Clips.GetContextsAsync(batch, cancellationToken);
            watch.Stop();
            if (fetched.Clips.Count != batch.Length) throw new InvalidOperationException($"fetched {fetched.Clips.Count} of {batch.Length} clips");
            if (round >= WarmupRounds) timings.Add(watch.Elapsed.TotalMilliseconds); // the first rounds warm the page cache
        }
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / FetchRounds;
        timings.Sort();
        Console.WriteLine($"context fetch, {FetchBatch} random ids of {ids.Count} (decoded to float32): " +
            $"median {timings[timings.Count / 2]:F2} ms, p95 {timings[(int)(timings.Count * 0.95)]:F2} ms, " +
            $"max {timings[^1]:F2} ms over {FetchRounds} rounds; " +
            $"process CPU {cpuMs:F2} ms per fetch (wall time above it is waiting for the CPU or the disk)");
    }

    private static void MeasureDecode(ModelState model)
    {
        byte[] encoded = ContextCodec.Encode(RandomFloats(new Random(3), model.ContextLength, 1f));
        var destination = new float[FetchBatch * model.ContextLength];
        for (int i = 0; i < FetchBatch; i++) ContextCodec.Decode(encoded, destination.AsSpan(i * model.ContextLength, model.ContextLength));
        var watch = Stopwatch.StartNew();
        const int Repeats = 20;
        for (int repeat = 0; repeat < Repeats; repeat++)
            for (int i = 0; i < FetchBatch; i++)
                ContextCodec.Decode(encoded, destination.AsSpan(i * model.ContextLength, model.ContextLength));
        watch.Stop();
        Console.WriteLine($"float16 decode of {FetchBatch} contexts ({FetchBatch * model.ContextLength} values): " +
            $"{watch.Elapsed.TotalMilliseconds / Repeats:F2} ms");
    }

    private static float[] RandomFloats(Random random, int count, float scale)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = scale * (random.NextSingle() * 2 - 1);
        return values;
    }
}
