using System.Diagnostics;
using TorchSharp;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using static TorchSharp.torch;

namespace VideoSearch.Bench.Model;

/// <summary>
/// The vision tower in fp32 and with bf16 matmuls (<see cref="XClipModel.UsePrecision"/>) side by side in one run:
/// two copies of the same seeded weights, timed in alternation (the machine's speed drifts, so each figure is its best
/// round), then how far bf16 moves the outputs: video embedding and context cosines, text feature cosines and the
/// X-CLIP logits of every prompt against every clip. On a CPU without AMX-BF16 or AVX-512 BF16 libtorch emulates
/// bf16 and it is several times slower than fp32, which is why <c>auto</c> keeps fp32 there.
/// </summary>
internal sealed class PrecisionComparison(XClipConfig config, int clips, int rounds)
{
    private const int Prompts = 16;

    public void Run(CancellationToken cancellationToken)
    {
        var cpu = CpuFeatures.Current;
        Console.WriteLine($"precision: CPU {cpu.Describe()}; torch threads {torch.get_num_threads()}");
        var vision = config.VisionConfig;
        double conv = 2.0 * vision.NumPatches * vision.NumChannels * vision.PatchSize * vision.PatchSize * vision.HiddenSize * vision.NumFrames;
        double attention = 4.0 * (vision.NumPatches + 2) * (vision.NumPatches + 2) * vision.HiddenSize * vision.NumHiddenLayers * vision.NumFrames;
        double total = ModelBenchmark.VisionTowerFlops(vision);
        Console.WriteLine($"precision: kept fp32 by design: patch conv {conv / total:P1} and attention core (q k^T, probs v) {attention / total:P1} " +
                          "of the vision FLOPs; every linear layer (the rest) follows the precision");

        torch.manual_seed(1234);
        using var fp32 = new XClipModel(config);
        fp32.eval();
        torch.manual_seed(1234); // the same seed draws the same weights
        using var bf16 = new XClipModel(config);
        bf16.eval();
        bf16.UsePrecision(XClipPrecision.Bf16);

        using var generator = new torch.Generator(99);
        using var pixels = torch.randn([clips, vision.NumFrames, vision.NumChannels, vision.ImageSize, vision.ImageSize], generator: generator);
        XClipVideoEncoding Encode(XClipModel model) => model.GetVideoFeaturesWithContext(pixels);
        using (Encode(fp32)) { } // first-call allocations and kernel selection, for both
        using (Encode(bf16)) { }

        double bestFp32 = double.MaxValue, bestBf16 = double.MaxValue;
        for (int round = 1; round <= rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double a = Time(() => { using (Encode(fp32)) { } }), b = Time(() => { using (Encode(bf16)) { } });
            bestFp32 = Math.Min(bestFp32, a);
            bestBf16 = Math.Min(bestBf16, b);
            Console.WriteLine($"precision round {round}: {clips} clip(s) fp32 {a * 1000:F0} ms, bf16 {b * 1000:F0} ms");
        }
        Console.WriteLine($"precision: vision tower fp32 {clips / bestFp32:F2} clips/s, bf16 {clips / bestBf16:F2} clips/s " +
                          $"(bf16/fp32 speed {bestFp32 / bestBf16:F2}x; {clips} clip(s) per call, best of {rounds})");
        Agreement(fp32, bf16, pixels);
    }

    private static void Agreement(XClipModel fp32, XClipModel bf16, Tensor pixels)
    {
        using var scope = NewDisposeScope();
        using var a = fp32.GetVideoFeaturesWithContext(pixels);
        using var b = bf16.GetVideoFeaturesWithContext(pixels);
        var video = nn.functional.cosine_similarity(a.VideoFeatures, b.VideoFeatures, 1);
        var context = nn.functional.cosine_similarity(a.Context.flatten(1), b.Context.flatten(1), 1);

        using var generator = new torch.Generator(7);
        var ids = torch.randint(1, 49000, [Prompts, 12], dtype: ScalarType.Int64, generator: generator);
        ids[.., 0] = torch.tensor(49406L);
        ids[.., -1] = torch.tensor(49407L);
        var mask = torch.ones_like(ids);
        var textA = fp32.GetTextFeatures(ids, mask);
        var textB = bf16.GetTextFeatures(ids, mask);
        var text = nn.functional.cosine_similarity(textA, textB, 1);

        // Each model scores with its own text features and contexts, as a search in that precision would.
        var logitsA = fp32.GetLogitsWithContexts(textA, a.VideoFeatures, a.Context);
        var logitsB = bf16.GetLogitsWithContexts(textB, b.VideoFeatures, b.Context);
        var delta = (logitsA - logitsB).abs();
        Console.WriteLine($"precision agreement: video embedding cosine min {video.min().item<float>():F7} mean {video.mean().item<float>():F7}; " +
                          $"context cosine min {context.min().item<float>():F7}; text features ({Prompts} prompts) cosine min {text.min().item<float>():F7} " +
                          $"mean {text.mean().item<float>():F7}; logits_per_video |bf16 - fp32| max {delta.max().item<float>():E2} " +
                          $"mean {delta.mean().item<float>():E2} (logits span {logitsA.min().item<float>():F2}..{logitsA.max().item<float>():F2})");
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }
}
