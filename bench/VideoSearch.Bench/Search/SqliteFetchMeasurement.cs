using System.Diagnostics;
using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;

namespace VideoSearch.Bench.Search;

/// <summary>
/// The real cost of the re-ranking read: a SQLite catalog with float16 contexts written through the catalog's API,
/// then K random candidates (embeddings, contexts, clip and video rows) fetched in one query and decoded.
/// </summary>
internal sealed class SqliteFetchMeasurement(int dim, int patches, byte[][] pool)
{
    private const int ClipsPerVideo = 10;

    public async Task RunAsync(int clips, IReadOnlyList<int> ks, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(Path.GetTempPath(), "videosearch-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            var ids = await FillAsync(folder, clips, cancellationToken);
            double fillSeconds = clock.Elapsed.TotalSeconds;
            long bytes = new DirectoryInfo(folder).GetFiles().Sum(f => f.Length);
            using var catalog = await VideoCatalog.OpenAsync(folder, cancellationToken);
            var reader = new CatalogSearchSource(catalog);
            Console.WriteLine();
            Console.WriteLine($"SQLite candidate fetch: {clips:N0} clips ({bytes / 1048576.0:F0} MiB, written in {fillSeconds:F1} s), " +
                              "K random clips per read, warm page cache; ms p50 / p95");
            var random = new Random(3);
            foreach (int k in ks)
            {
                var times = new List<double>();
                for (int run = -2; run < 30; run++)
                {
                    var request = Enumerable.Range(0, k).Select(_ => ids[random.Next(ids.Count)]).ToList();
                    long start = Stopwatch.GetTimestamp();
                    using var batch = await reader.GetCandidatesAsync(request, cancellationToken);
                    if (run >= 0) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                Console.WriteLine($"  K={k,4}: {Percentiles.Of(times, 50),7:F2} / {Percentiles.Of(times, 95),6:F2}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<List<long>> FillAsync(string folder, int clips, CancellationToken cancellationToken)
    {
        using var catalog = await VideoCatalog.OpenAsync(folder, cancellationToken);
        await catalog.Model.SetAsync(new ModelState("bench", "random", dim, patches, dim), cancellationToken);
        RootId root = await catalog.Roots.AddAsync("/videos", cancellationToken);
        byte[] jpeg = new VideoSearch.Core.Thumbnails.JpegThumbnailEncoder().Encode(8, 8, new byte[8 * 8 * 3]);
        float[] vectors = SyntheticVectors.Clustered(clips, dim, Math.Max(8, clips / 200), seed: 11);
        var ids = new List<long>(clips);
        for (int v = 0; v * ClipsPerVideo < clips; v++)
        {
            var newClips = new List<NewClip>();
            for (int c = 0; c < ClipsPerVideo && v * ClipsPerVideo + c < clips; c++)
            {
                int clip = v * ClipsPerVideo + c;
                newClips.Add(new NewClip(c, c * 8.0, c * 8.0 + 8, [c * 8.0], vectors.AsSpan(clip * dim, dim).ToArray(),
                    ContextCodec.Decode(pool[clip % pool.Length]), jpeg));
            }
            VideoId id = await catalog.Videos.BeginVideoAsync(root, $"{v:D6}.mp4", new FileIdentity(1, 1, $"f{v}"), cancellationToken);
            var done = await catalog.Writer.CompleteVideoAsync(id, new VideoMetadata(80, 25, 320, 240, 0, "h264", null), newClips,
                cancellationToken);
            ids.AddRange(done.NewClipIds);
        }
        return ids;
    }
}
