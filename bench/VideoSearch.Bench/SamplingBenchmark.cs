using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using VideoSearch.Core.Media;

namespace VideoSearch.Bench;

/// <summary>
/// Frame sampling for indexing: 8 frames from each 10 s window of a 1080p H.264 file, (a) one ffmpeg process per
/// clip seeking to the window (what the indexer uses), (b) one process per frame seeking to it, (c) decoding every
/// frame in order to RGB and keeping the wanted ones (what the seed's PyAV example does). The test file is made
/// with ffmpeg's testsrc2 (constant 30 fps, keyframe every 3 s as cameras write) in a temporary folder.
/// Arguments: [seconds=60] [keyframe-interval-seconds=3].
/// </summary>
public sealed class SamplingBenchmark : IBenchmark
{
    private const int Fps = 30;

    /// <inheritdoc />
    public string Name => "sampling";

    /// <inheritdoc />
    public string Description => "8 frames per 10 s window of 1080p H.264: seeking per clip / per frame vs decoding every frame";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        int gopSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        string folder = Path.Combine(Path.GetTempPath(), "videosearch-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string file = Path.Combine(folder, "testsrc2_1080p.mp4");
            var generate = Stopwatch.StartNew();
            await BenchFfmpeg.Generate1080pAsync(file, seconds, gopSeconds, cancellationToken);
            Console.WriteLine($"test file: {seconds} s 1920x1080 H.264 {Fps} fps, keyframe every {gopSeconds} s, {new FileInfo(file).Length / 1e6:0.0} MB (made in {generate.Elapsed.TotalSeconds:0.0} s)");

            VideoInfo video = await new MediaProbe().ProbeAsync(file, cancellationToken);
            var clips = ClipPlanner.Plan(video, new ClipPlanOptions(10, 10, 8));
            int wanted = clips.Sum(c => c.FrameTimestamps.Count);
            Console.WriteLine($"plan: {clips.Count} clips x 8 frames = {wanted} frames; {Environment.ProcessorCount} cores, load {BenchPaths.LoadAverage()}");
            Console.WriteLine("(peak RSS columns are high-water marks so far: this process, and the largest ffmpeg child)");
            Console.WriteLine($"{"method",-34} {"seconds",8} {"frames/s",9} {"decoded",8} {"peak RSS bench",15} {"peak RSS ffmpeg",16}");

            var extractor = new FrameExtractor();
            var perClip = new List<RgbFrame>();
            var a = await MeasureAsync("a) seek, one process per clip", wanted, async () =>
            {
                foreach (Clip clip in clips) perClip.AddRange(await extractor.ExtractClipAsync(video, clip, cancellationToken));
                return perClip.Count;
            });
            perClip.Clear();
            var b = await MeasureAsync("b) seek, one process per frame", wanted, async () =>
            {
                int n = 0;
                foreach (double t in clips.SelectMany(c => c.FrameTimestamps)) n += (await extractor.ExtractAsync(video, [t], cancellationToken)).Count;
                return n;
            });
            var inOrder = new List<byte[]>();
            var c = await MeasureAsync("c) decode every frame in order", wanted, () => DecodeAllAsync(file, video, clips, inOrder, cancellationToken));
            Console.WriteLine($"c) decoded {inOrder.Count} kept frames; seeking per clip is {c.Seconds / a.Seconds:0.0}x faster than decoding everything, per frame {c.Seconds / b.Seconds:0.0}x; per clip vs per frame {b.Seconds / a.Seconds:0.00}x");

            // Same pictures either way: the seek path must not change pixels.
            var check = new List<RgbFrame>();
            foreach (Clip clip in clips) check.AddRange(await extractor.ExtractClipAsync(video, clip, cancellationToken));
            int identical = check.Zip(inOrder).Count(p => p.First.Pixels.AsSpan().SequenceEqual(p.Second));
            Console.WriteLine($"identical frames, seek vs in-order: {identical}/{wanted}");
            return identical == wanted ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Decodes every frame to rgb24 through a pipe and keeps the first frame at or after each wanted time (frame n is at n / fps here).</summary>
    private static async Task<int> DecodeAllAsync(string file, VideoInfo video, IReadOnlyList<Clip> clips, List<byte[]> kept, CancellationToken token)
    {
        var wantedIndices = clips.SelectMany(c => c.FrameTimestamps).Select(t => (long)Math.Ceiling(t * Fps - 1e-9)).ToList();
        int frameBytes = video.DisplayWidth * video.DisplayHeight * 3;
        long decoded = 0;
        await BenchFfmpeg.RunAsync(["-v", "error", "-nostdin", "-i", "file:" + file, "-map", "0:v:0", "-fps_mode", "passthrough",
            "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1"], async stdout =>
        {
            var buffer = new byte[frameBytes];
            int next = 0;
            while (await stdout.ReadAtLeastAsync(buffer, frameBytes, throwOnEndOfStream: false, token) == frameBytes)
            {
                while (next < wantedIndices.Count && wantedIndices[next] == decoded)
                {
                    kept.Add((byte[])buffer.Clone());
                    next++;
                }
                decoded++;
            }
        }, token);
        s_lastDecoded = decoded;
        return kept.Count;
    }

    private static long s_lastDecoded;

    private static async Task<(double Seconds, int Frames)> MeasureAsync(string name, int wanted, Func<Task<int>> run)
    {
        s_lastDecoded = 0;
        GC.Collect();
        var clock = Stopwatch.StartNew();
        int frames = await run();
        double seconds = clock.Elapsed.TotalSeconds;
        if (frames != wanted) throw new InvalidOperationException($"{name}: {frames} frames, expected {wanted}");
        string decoded = s_lastDecoded > 0 ? s_lastDecoded.ToString(CultureInfo.InvariantCulture) : "-";
        Console.WriteLine($"{name,-34} {seconds,8:0.00} {frames / seconds,9:0.0} {decoded,8} {SelfPeakRssMb(),12:0} MB {ChildrenPeakRssMb(),13:0} MB");
        return (seconds, frames);
    }

    private static double SelfPeakRssMb()
    {
        // VmHWM: the high-water mark of this process's resident memory.
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return double.NaN;
    }

    /// <summary>Largest resident size any finished child (ffmpeg, ffprobe) reached so far, from getrusage(RUSAGE_CHILDREN).</summary>
    private static double ChildrenPeakRssMb()
    {
        var usage = new long[18];
        return GetRusage(-1, usage) == 0 ? usage[4] / 1024.0 : double.NaN; // ru_maxrss follows two timevals; in KiB
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, long[] usage);
}
