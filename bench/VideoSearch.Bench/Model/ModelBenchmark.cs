using System.Diagnostics;
using TorchSharp;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using static TorchSharp.torch;

namespace VideoSearch.Bench.Model;

/// <summary>Full-size X-CLIP (microsoft/xclip-base-patch32 architecture, random weights) on the CPU: clips/s for one and
/// four 8-frame clips at 224x224, text prompts/s, peak RSS, and the vision tower's share of this machine's measured fp32
/// matmul rate.</summary>
public sealed class ModelBenchmark : IBenchmark
{
    public string Name => "model";

    public string Description => "X-CLIP base/32 on CPU: clips/s, prompts/s, peak RSS, vision tower vs measured matmul GFLOP/s";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(1234);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"libtorch {TorchRuntime.LibTorchVersion}, torch threads {torch.get_num_threads()}, cores {Environment.ProcessorCount}, load {LoadAverage()}");

        double peakGflops = MatmulRate(2048, repeats: 4);
        Console.WriteLine($"fp32 matmul 2048x2048: {peakGflops:F1} GFLOP/s (best of 4)");

        var config = new XClipConfig();
        using var model = new XClipModel(config);
        model.eval();
        var vision = config.VisionConfig;
        double clipFlops = VisionTowerFlops(vision);
        Console.WriteLine($"vision tower FLOPs per 8-frame clip: {clipFlops / 1e9:F2} GFLOP ({FlopsFormula})");

        foreach (int clips in new[] { 1, 4 })
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var pixels = torch.randn([clips, vision.NumFrames, 3, vision.ImageSize, vision.ImageSize]);
            // The 1-clip runs warm up the kernels the 4-clip runs use, so those skip a warm-up to keep the total short.
            double seconds = BestOf(2, warmUp: clips == 1, () =>
            {
                using var encoding = model.GetVideoFeaturesWithContext(pixels);
            });
            double rate = clips / seconds;
            double fraction = clipFlops * clips / seconds / 1e9 / peakGflops;
            Console.WriteLine($"{clips} clip(s) per call: {rate:F2} clips/s, {seconds * 1000:F0} ms/call, vision tower {clipFlops * clips / seconds / 1e9:F1} GFLOP/s = {fraction:P0} of matmul rate");
        }

        double gemmSeconds = BestOf(2, warmUp: false, () => VisionGemmsOnly(vision, clips: 1));
        Console.WriteLine($"same-shape GEMMs alone (1 clip, no attention/softmax/layernorm/activations): {gemmSeconds * 1000:F0} ms = {clipFlops / gemmSeconds / 1e9 / peakGflops:P0} of matmul rate");

        const int prompts = 16;
        var ids = torch.randint(1, 49000, [prompts, 12], dtype: ScalarType.Int64);
        ids[.., 0] = torch.tensor(49406L);
        ids[.., -1] = torch.tensor(49407L);
        var mask = torch.ones_like(ids);
        double textSeconds = BestOf(3, warmUp: true, () => { using var f = model.GetTextFeatures(ids, mask); });
        Console.WriteLine($"text: {prompts / textSeconds:F1} prompts/s ({prompts} prompts of 12 tokens per call, {textSeconds * 1000:F0} ms)");

        Console.WriteLine($"peak RSS {PeakRssMb():F0} MB; total {total.Elapsed.TotalSeconds:F0} s");
        return Task.FromResult(0);
    }

    private const string FlopsFormula =
        "F*[2*n*C*p^2*D + L*(2*D^2 + 8*D^2 + 4*F*D + 8*(n+2)*D^2 + 4*(n+2)^2*D + 4*(n+1)*D*I)], F frames, n patches, D width, I mlp width, L layers";

    /// <summary>Multiply-adds counted as 2 FLOPs: patch conv; per layer message_fc, message attention (4 projections over
    /// F tokens plus its F x F scores), self-attention over n+2 tokens (CLS, patches, message: 4 projections, q k^T and
    /// probs v), and the MLP over n+1 tokens. LayerNorm, softmax, activations and the MIT are left out (well under 1%).</summary>
    internal static double VisionTowerFlops(XClipVisionConfig v)
    {
        double f = v.NumFrames, n = v.NumPatches, d = v.HiddenSize, i = v.IntermediateSize, p = v.PatchSize, c = v.NumChannels;
        double perLayer = 2 * d * d + 8 * d * d + 4 * f * d + 8 * (n + 2) * d * d + 4 * (n + 2) * (n + 2) * d + 4 * (n + 1) * d * i;
        return f * (2 * n * c * p * p * d + v.NumHiddenLayers * perLayer);
    }

    private static void VisionGemmsOnly(XClipVisionConfig v, int clips)
    {
        using var scope = torch.NewDisposeScope();
        using var mode = torch.inference_mode();
        long frames = clips * v.NumFrames, tokens = v.NumPatches + 1, d = v.HiddenSize;
        var x = torch.randn(frames * (tokens + 1), d);
        var h = torch.randn(frames * tokens, d);
        var wd = torch.randn(d, d);
        var wqkv = torch.randn(d, 3 * d);
        var w1 = torch.randn(d, v.IntermediateSize);
        var w2 = torch.randn(v.IntermediateSize, d);
        var m = torch.randn(frames, d);
        for (int l = 0; l < v.NumHiddenLayers; l++)
        {
            torch.matmul(m, wd).Dispose();
            torch.matmul(m, wqkv).Dispose();
            torch.matmul(m, wd).Dispose();
            torch.matmul(x, wqkv).Dispose();
            torch.matmul(x, wd).Dispose();
            using var up = torch.matmul(h, w1);
            torch.matmul(up, w2).Dispose();
        }
    }

    private static double MatmulRate(int n, int repeats)
    {
        using var a = torch.randn(n, n);
        using var b = torch.randn(n, n);
        double best = BestOf(repeats, warmUp: true, () => { using var c = torch.matmul(a, b); });
        return 2.0 * n * n * n / best / 1e9;
    }

    private static double BestOf(int runs, bool warmUp, Action action)
    {
        if (warmUp) action(); // first-call allocations and kernel selection
        double best = double.MaxValue;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static double PeakRssMb()
    {
        // VmHWM is the process's peak resident set size (Linux).
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line == null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
