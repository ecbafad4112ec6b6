using System.Diagnostics;
using VideoSearch.Core.Kernels;
using static TorchSharp.torch;

namespace VideoSearch.Bench.Search;

/// <summary>
/// The text tower's 72 linears (12 layers x q, k, v, out 512x512, fc1 512x2048, fc2 2048x512) at 8 rows: libtorch
/// fp32 against the int8 small-batch kernel on one core and split across the cores, with the bytes each reads.
/// </summary>
internal static class LinearKernelMeasurement
{
    private static readonly (int In, int Out)[] LayerShapes = [(512, 512), (512, 512), (512, 512), (512, 512), (512, 2048), (2048, 512)];

    /// <summary>Prints the comparison; returns the int8 kernel's time for all 72 linears, split across the cores (ms).</summary>
    public static double Run(int rows = 8, int layers = 12)
    {
        var random = new Random(1);
        var shapes = Enumerable.Range(0, layers).SelectMany(_ => LayerShapes).ToArray();
        var fp32 = shapes.Select(s => (W: randn(s.Out, s.In) * 0.02, B: zeros(s.Out))).ToArray();
        var packed = fp32.Zip(shapes, (p, s) => Int8LinearWeights.Quantize(p.W.data<float>().ToArray(), s.Out, s.In, p.B.data<float>().ToArray())).ToArray();
        var inputs = shapes.Select(s => Enumerable.Range(0, rows * s.In).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var outputs = shapes.Select(s => new float[rows * s.Out]).ToArray();
        var tensors = inputs.Zip(shapes, (x, s) => tensor(x, [rows, s.In])).ToArray();
        long fp32Bytes = shapes.Sum(s => 4L * s.In * s.Out), int8Bytes = packed.Sum(p => p.Bytes);

        double torchMs = Median(() =>
        {
            using var scope = NewDisposeScope();
            for (int i = 0; i < shapes.Length; i++) nn.functional.linear(tensors[i], fp32[i].W, fp32[i].B);
        });
        double oneCore = Median(() => { for (int i = 0; i < shapes.Length; i++) SmallBatchLinear.Forward(packed[i], inputs[i], rows, outputs[i], SmallBatchLinear.Best, 1); });
        double split = Median(() => { for (int i = 0; i < shapes.Length; i++) SmallBatchLinear.Forward(packed[i], inputs[i], rows, outputs[i]); });
        Console.WriteLine($"text tower linears ({shapes.Length} calls, {rows} rows): libtorch fp32 {torchMs:F2} ms ({fp32Bytes / 1e6:F0} MB, " +
                          $"{fp32Bytes / torchMs / 1e6:F1} GB/s); int8 kernel ({SmallBatchLinear.Best}) one core {oneCore:F2} ms, " +
                          $"split {split:F2} ms ({int8Bytes / 1e6:F0} MB, {int8Bytes / split / 1e6:F1} GB/s)");
        foreach (var (w, b) in fp32) { w.Dispose(); b.Dispose(); }
        foreach (var t in tensors) t.Dispose();
        return split;
    }

    private static double Median(Action pass)
    {
        var times = new List<double>();
        for (int i = 0; i < 23; i++)
        {
            long start = Stopwatch.GetTimestamp();
            pass();
            if (i >= 3) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Percentiles.Of(times, 50);
    }
}
