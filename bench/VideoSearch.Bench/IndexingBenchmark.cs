using VideoSearch.Core.Library;
using VideoSearch.Core.Catalog;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Core.Preprocessing;
using VideoSearch.Core.Text;
using VideoSearch.Indexer;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Pipeline;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Bench;

/// <summary>
/// End-to-end indexing of the 2-minute sample video with the full-size X-CLIP architecture (xclip-base-patch32
/// shapes, random weights: speed does not depend on the weight values): seconds of video indexed per wall-clock
/// second and the time spent in each stage. Usage: <c>scripts/bench indexing [batch-size] [extraction-workers] [video]</c>
/// (defaults 8, 2, tests/fixtures/media/scenes_2min_320x240.mp4).
/// </summary>
public sealed class IndexingBenchmark : IBenchmark
{
    public string Name => "indexing";

    public string Description => "end-to-end indexing of the 2-min sample, full-size model (random weights): video-s/s and time per stage";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int batch = args.Length > 0 && int.TryParse(args[0], out int b) && b > 0 ? b : 8;
        int workers = args.Length > 1 && int.TryParse(args[1], out int w) && w > 0 ? w : 2;
        string video = args.Length > 2 ? Path.GetFullPath(args[2]) : Path.Combine(RepositoryRoot(), "tests", "fixtures", "media", "scenes_2min_320x240.mp4");
        if (!File.Exists(video))
        {
            Console.Error.WriteLine($"Video not found: {video}");
            return 3;
        }
        string work = Path.Combine(Path.GetTempPath(), "vs-bench-indexing-" + Guid.NewGuid().ToString("N"));
        string root = Path.Combine(work, "media");
        Directory.CreateDirectory(root);
        File.Copy(video, Path.Combine(root, Path.GetFileName(video)));
        try
        {
            TorchRuntime.EnsureLoaded();
            TorchSharp.torch.manual_seed(42);
            long loadStart = Stopwatch.GetTimestamp();
            var model = new XClipModel(new XClipConfig());
            model.eval();
            // The tokenizer is not used for indexing; any CLIP vocabulary satisfies the inference wrapper.
            var tokenizer = ClipTokenizer.FromFolder(Path.Combine(RepositoryRoot(), "tests", "fixtures", "reference", "xclip-tiny-clipvocab"));
            var inference = new XClipInference(model, tokenizer, "random/xclip-base-patch32-architecture");
            var encoder = new ClipEncoder(inference, ownsInference: true, PreprocessorConfig.Default,
                "random/xclip-base-patch32-architecture", "seed-42");
            TimeSpan load = Stopwatch.GetElapsedTime(loadStart);
            var options = new IndexerOptions
            {
                Roots = [root],
                DatabaseDirectory = Path.Combine(work, "db"),
                BatchSize = batch,
                ExtractionConcurrency = workers,
            };
            var timings = new StageTimings();
            var progress = new IndexingProgress();
            using var catalog = await VideoCatalog.OpenAsync(options.DatabaseDirectory, cancellationToken);
            using var vectors = new LibraryVectorIndex(catalog, NullLogger<LibraryVectorIndex>.Instance) { Writable = true };
            using var session = await IndexerSession.OpenAsync(catalog, vectors, encoder, NullLogger.Instance, cancellationToken);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            IndexingSummary summary = await new IndexingPass(session, options, progress, timings, NullLogger.Instance)
                .RunAsync(cancellationToken);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (summary.Indexed != 1)
            {
                Console.Error.WriteLine($"The video was not indexed: {string.Join("; ", summary.Failed.Select(f => f.Message))}");
                return 1;
            }
            Console.WriteLine($"indexing: {Path.GetFileName(video)}, full-size X-CLIP (ViT-B/32, 8 frames, random weights), batch {batch}, " +
                              $"{workers} extraction workers, {Environment.ProcessorCount} logical cores, model built in {load.TotalSeconds:F1} s");
            Console.WriteLine($"video {summary.VideoSeconds:F1} s, {summary.Clips} clips, wall {summary.Elapsed.TotalSeconds:F1} s -> " +
                              $"{summary.VideoSecondsPerSecond:F2} video-s/s, {summary.Clips / summary.Elapsed.TotalSeconds:F2} clips/s; " +
                              $"process CPU {cpu.TotalSeconds:F1} s (ffmpeg children not included)");
            // Stage times are summed over the workers of a stage; stages overlap, so they add up to more than the wall time.
            Console.WriteLine($"{"stage",-12} {"total s",9} {"ms/clip",9}");
            foreach ((string name, TimeSpan time) in new[]
                     {
                         ("probe", timings.Probe), ("extract", timings.Extract), ("preprocess", timings.Preprocess),
                         ("thumbnail", timings.Thumbnail), ("embed", timings.Embed), ("write", timings.Write),
                     })
                Console.WriteLine($"{name,-12} {time.TotalSeconds,9:F2} {time.TotalMilliseconds / summary.Clips,9:F1}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VideoSearch.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
