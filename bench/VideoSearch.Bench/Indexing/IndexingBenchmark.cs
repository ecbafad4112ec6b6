using System.Globalization;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Core.Preprocessing;
using VideoSearch.Core.Text;
using VideoSearch.Indexer;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Pipeline;

namespace VideoSearch.Bench.Indexing;

/// <summary>
/// End-to-end indexing with the full-size X-CLIP architecture (xclip-base-patch32 shapes, random weights: speed
/// does not depend on the weight values), measured side by side in one run on each file: today's path before the
/// one-pass work (one ffmpeg seek per clip, fp32) against the current one (one decode pass, precision <c>auto</c>),
/// with the stages alone beside them: ffmpeg's own decode of the file and the model embedding the same number of
/// clips. Files: a generated 60 s 1920x1080 H.264 (testsrc2, 30 fps, keyframe every 3 s, as cameras write) and the
/// 2-minute 320x240 sample. Then a thread sweep on the 1080p file, which is how <see cref="ThreadBudget"/>'s rule
/// was chosen. Usage: <c>scripts/bench indexing [batch=8] [workers=2] [extra video ...]</c>.
/// </summary>
public sealed class IndexingBenchmark : IBenchmark
{
    private const string ModelName = "random/xclip-base-patch32-architecture";

    public string Name => "indexing";

    public string Description => "indexing, seek-per-clip fp32 vs one pass auto, beside decode-alone and model-alone (1080p + 2-min sample)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int batch = args.Length > 0 && int.TryParse(args[0], out int b) && b > 0 ? b : 8;
        int workers = args.Length > 1 && int.TryParse(args[1], out int w) && w > 0 ? w : 2;
        string folder = Path.Combine(Path.GetTempPath(), "vs-bench-indexing-files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string generated = Path.Combine(folder, "testsrc2_1080p_60s.mp4");
            await BenchFfmpeg.Generate1080pAsync(generated, 60, 3, cancellationToken);
            List<string> files = [generated, Path.Combine(BenchPaths.RepositoryRoot(), "tests", "fixtures", "media", "scenes_2min_320x240.mp4"), .. args.Skip(2).Select(Path.GetFullPath)];

            int cores = Environment.ProcessorCount;
            ThreadBudget budget = ThreadBudget.For(cores);
            XClipPrecision auto = PrecisionChoice.Resolve(PrecisionMode.Auto, CpuFeatures.Current).Resolved;
            Console.WriteLine($"cpu: {CpuFeatures.Current.Describe()}");
            Console.WriteLine($"{cores} logical cores, load {BenchPaths.LoadAverage()}; budget {budget}; precision auto -> {auto}; batch {batch}, {workers} videos decoded at once");

            using XClipInference fp32Model = NewModel(XClipPrecision.Fp32);
            using XClipInference? reducedModel = auto == XClipPrecision.Fp32 ? null : NewModel(auto);
            XClipInference currentModel = reducedModel ?? fp32Model;
            // An indexing session owns its encoder; these wrappers leave the models to this method.
            Func<ClipEncoder> fp32 = () => Encoder(fp32Model), current = () => Encoder(currentModel);
            int numFrames = currentModel.Config.VisionConfig.NumFrames;

            foreach (string file in files)
            {
                VideoInfo info = await new MediaProbe().ProbeAsync(file, cancellationToken);
                int clips = ClipPlanner.Plan(info, ClipPlanOptions.ForModel(numFrames)).Count;
                Console.WriteLine();
                Console.WriteLine($"{Path.GetFileName(file)}: {info.DisplayWidth}x{info.DisplayHeight} {info.VideoCodec}, {info.DurationSeconds:F1} s, {clips} clips");
                double ffmpegAll = info.DurationSeconds / await BenchFfmpeg.DecodeSecondsAsync(file, 0, cancellationToken);
                double ffmpegBudget = info.DurationSeconds / await BenchFfmpeg.DecodeSecondsAsync(file, budget.DecodeThreads, cancellationToken);
                double modelAlone = await ModelAloneRate.ClipsPerSecondAsync(current(), clips, batch, cancellationToken) * info.DurationSeconds / clips;
                var today = await IndexingRun.RunAsync(file, fp32(), o => Configure(o, batch, workers, FrameExtractionMode.PerClip), cancellationToken);
                var now = await IndexingRun.RunAsync(file, current(), o => Configure(o, batch, workers, FrameExtractionMode.Auto), cancellationToken);
                double slower = Math.Min(ffmpegBudget, modelAlone);
                Console.WriteLine($"  ffmpeg decode alone: {ffmpegAll:F2} video-s/s (ffmpeg's own threads), {ffmpegBudget:F2} ({budget.DecodeThreads} thread)");
                Console.WriteLine($"  model alone ({PrecisionChoice.NameOf(currentModel.Precision)}): {modelAlone:F2} video-s/s");
                Print("  today (seek per clip, fp32)", today);
                Print($"  now (one pass, {PrecisionChoice.NameOf(currentModel.Precision)})", now);
                // When both stages share the cores, the best any overlap can do is the sum of their CPU costs: the model
                // alone keeps every core busy (cores / rate core-seconds per video second), a one-thread decoder one.
                double shared = cores / (cores / modelAlone + budget.DecodeThreads / ffmpegBudget);
                Console.WriteLine($"  ratios: now / today {now.Rate / today.Rate:F2}x; now / slower stage alone {now.Rate / slower:P0}; " +
                                  $"now / shared-core ceiling ({shared:F2} video-s/s) {now.Rate / shared:P0}; " +
                                  $"indexing time / ffmpeg decode time {ffmpegAll / now.Rate:F2}x");
            }

            Console.WriteLine();
            Console.WriteLine($"thread sweep, {Path.GetFileName(generated)}, one pass, {PrecisionChoice.NameOf(currentModel.Precision)}:");
            foreach ((int torch, int decode) in Sweep(cores))
            {
                var run = await IndexingRun.RunAsync(generated, current(), o =>
                {
                    Configure(o, batch, workers, FrameExtractionMode.Auto);
                    o.TorchThreads = torch;
                    o.DecodeThreads = decode;
                }, cancellationToken);
                Print($"  torch {torch}, ffmpeg {decode}", run);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<(int Torch, int Decode)> Sweep(int cores)
    {
        yield return (cores, 1);
        yield return (cores, cores);
        if (cores > 1) yield return (cores - 1, 1);
        if (cores > 2) yield return (cores / 2, cores - cores / 2);
    }

    private static void Configure(IndexerOptions options, int batch, int workers, FrameExtractionMode extraction)
    {
        options.BatchSize = batch;
        options.ExtractionConcurrency = workers;
        options.FrameExtraction = extraction;
    }

    private static void Print(string name, IndexingRun.Result run)
    {
        var t = run.Timings;
        long clips = run.Summary.Clips;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {run.Rate,6:F2} video-s/s, {clips / run.Summary.Elapsed.TotalSeconds,5:F2} clips/s, wall {run.Summary.Elapsed.TotalSeconds,6:F1} s; " +
            $"ms/clip: wait for frames {t.Extract.TotalMilliseconds / clips:F0}, preprocess {t.Preprocess.TotalMilliseconds / clips:F0}, " +
            $"embed {t.Embed.TotalMilliseconds / clips:F0}, write {t.Write.TotalMilliseconds / clips:F0}; process CPU {run.ProcessCpu.TotalSeconds:F1} s"));
    }

    private static ClipEncoder Encoder(XClipInference model) =>
        new(model, ownsInference: false, PreprocessorConfig.Default, ModelName, "seed-42");

    private static XClipInference NewModel(XClipPrecision precision)
    {
        TorchRuntime.EnsureLoaded();
        TorchSharp.torch.manual_seed(42);
        var model = new XClipModel(new XClipConfig());
        model.eval();
        model.UsePrecision(precision);
        // The tokenizer is not used for indexing; any CLIP vocabulary satisfies the inference wrapper.
        var tokenizer = ClipTokenizer.FromFolder(Path.Combine(BenchPaths.RepositoryRoot(), "tests", "fixtures", "reference", "xclip-tiny-clipvocab"));
        return new XClipInference(model, tokenizer, ModelName);
    }
}
