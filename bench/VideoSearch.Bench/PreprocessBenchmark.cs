using System.Diagnostics;
using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Bench;

/// <summary>
/// Frames per second of the X-CLIP preprocessing (PIL bilinear resize to shortest edge 224, 224x224 centre crop,
/// rescale, normalise) for common input sizes, on one thread and in parallel over frames, with allocations and
/// peak RSS. Usage: <c>scripts/bench preprocess [seconds-per-measurement]</c> (default 2).
/// </summary>
public sealed class PreprocessBenchmark : IBenchmark
{
    private const int FramesPerVideo = 8;
    private static readonly (int Width, int Height)[] s_sizes = [(320, 240), (1280, 720), (1920, 1080)];

    public string Name => "preprocess";

    public string Description => "preprocessing frames/s (224 config; 320x240, 1280x720, 1920x1080), 1 thread and parallel; memory";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        double seconds = args.Length > 0 && double.TryParse(args[0], out double s) && s > 0 ? s : 2.0;
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);
        int threads = Environment.ProcessorCount;
        Console.WriteLine($"preprocess: xclip-base-patch32 config (shortest edge 224, crop 224x224), {seconds:0.#} s per figure, " +
                          $"{threads} logical cores, .NET {Environment.Version}");
        // Wall-clock rates drop when other processes share the cores; CPU time per frame is the steadier figure.
        Console.WriteLine($"{"input",-10} {"mode",-34} {"frames/s",9} {"CPU ms/frame",13} {"alloc B/frame",14}");
        foreach (var (width, height) in s_sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frames = MakeFrames(width, height, FramesPerVideo);
            Print(width, height, "Preprocess, 1 thread, reused output", MeasureSingle(processor, frames, seconds, cancellationToken));
            Print(width, height, "PreprocessVideos 4x8, 1 thread", MeasureBatch(processor, frames, 1, seconds, cancellationToken));
            Print(width, height, $"PreprocessVideos 4x8, Parallel({threads})", MeasureBatch(processor, frames, threads, seconds, cancellationToken));
            Print(width, height, $"same, Parallel({threads}), reused output", MeasureBatch(processor, frames, threads, seconds, cancellationToken, reuse: true));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak RSS {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB (includes the runtime and the " +
                          $"largest input: {FramesPerVideo} frames of 1920x1080 = {FramesPerVideo * 1920 * 1080 * 3 / (1024.0 * 1024.0):F0} MiB); " +
                          $"GC heap now {GC.GetTotalMemory(false) / (1024.0 * 1024.0):F0} MiB");
        Console.WriteLine("PreprocessVideos alloc/frame includes its pixel_values output: 3*224*224*4 = 602112 B per frame.");
        return Task.FromResult(0);
    }

    private static Measurement MeasureSingle(
        VideoMaeImageProcessor processor, IReadOnlyList<RgbFrame> frames, double seconds, CancellationToken token)
    {
        var output = new float[3 * 224 * 224];
        foreach (var frame in frames) processor.Preprocess(frame, output); // warm-up: JIT, coefficient cache, pools
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed.TotalSeconds < seconds && !token.IsCancellationRequested)
        {
            processor.Preprocess(frames[(int)(count % frames.Count)], output);
            count++;
        }
        double elapsed = clock.Elapsed.TotalSeconds;
        return new Measurement(count / elapsed, (CpuTime() - cpuBefore).TotalMilliseconds / count,
            (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)count);
    }

    private static void Print(int width, int height, string mode, Measurement m) =>
        Console.WriteLine($"{$"{width}x{height}",-10} {mode,-34} {m.FramesPerSecond,9:F1} {m.CpuMsPerFrame,13:F2} {m.AllocatedPerFrame,14:F0}");

    private static Measurement MeasureBatch(
        VideoMaeImageProcessor processor, IReadOnlyList<RgbFrame> frames, int threads, double seconds, CancellationToken token,
        bool reuse = false)
    {
        // A batch of 4 videos of 8 frames: what the indexer hands the model at once.
        IReadOnlyList<IReadOnlyList<RgbFrame>> batch = [frames, frames, frames, frames];
        int perBatch = batch.Count * frames.Count;
        float[]? buffer = reuse ? processor.PreprocessVideos(batch, threads).Data : null;
        processor.PreprocessVideos(batch, buffer, threads);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed.TotalSeconds < seconds && !token.IsCancellationRequested)
        {
            processor.PreprocessVideos(batch, buffer, threads);
            count += perBatch;
        }
        double elapsed = clock.Elapsed.TotalSeconds;
        return new Measurement(count / elapsed, (CpuTime() - cpuBefore).TotalMilliseconds / count,
            (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)count);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private readonly record struct Measurement(double FramesPerSecond, double CpuMsPerFrame, double AllocatedPerFrame);

    /// <summary>Seeded frames: a smooth gradient plus noise, so the content is neither flat nor cache-friendly.</summary>
    private static List<RgbFrame> MakeFrames(int width, int height, int count)
    {
        var random = new Random(width * 7919 + height);
        var frames = new List<RgbFrame>(count);
        for (int f = 0; f < count; f++)
        {
            var pixels = new byte[width * height * 3];
            random.NextBytes(pixels);
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                {
                    int i = (y * width + x) * 3;
                    pixels[i] = (byte)((pixels[i] >> 2) + x * 191 / width);
                    pixels[i + 1] = (byte)((pixels[i + 1] >> 2) + y * 191 / height);
                    pixels[i + 2] = (byte)((pixels[i + 2] >> 2) + f * 20);
                }
            frames.Add(new RgbFrame(width, height, pixels, f / 8.0));
        }
        return frames;
    }
}
