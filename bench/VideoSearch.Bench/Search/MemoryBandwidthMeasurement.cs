using System.Diagnostics;
using System.Numerics.Tensors;

namespace VideoSearch.Bench.Search;

/// <summary>
/// Read bandwidth of this machine: a 512 MiB buffer (far past the last-level cache) summed once per core in parallel
/// and on one core, best and median of several passes. A memory-bound kernel cannot beat bytes / this figure.
/// </summary>
internal static class MemoryBandwidthMeasurement
{
    public static (double OneCore, double AllCores) Run()
    {
        var buffer = GC.AllocateUninitializedArray<float>(128 * 1024 * 1024);
        buffer.AsSpan().Fill(1f);
        double one = Median(() => Read(buffer, 1), buffer), all = Median(() => Read(buffer, Environment.ProcessorCount), buffer);
        Console.WriteLine($"memory read bandwidth (512 MiB, median of 7): one core {one:F1} GB/s, {Environment.ProcessorCount} cores {all:F1} GB/s");
        return (one, all);
    }

    private static double Median(Action read, float[] buffer)
    {
        var rates = new List<double>();
        for (int pass = 0; pass < 8; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            read();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (pass > 0) rates.Add(buffer.LongLength * sizeof(float) / seconds / 1e9);
        }
        return Percentiles.Of(rates, 50);
    }

    private static void Read(float[] buffer, int parts)
    {
        var sums = new float[parts];
        Parallel.For(0, parts, part =>
        {
            int from = (int)((long)buffer.Length * part / parts), to = (int)((long)buffer.Length * (part + 1) / parts);
            sums[part] = TensorPrimitives.Sum<float>(buffer.AsSpan(from, to - from));
        });
        if (sums.Sum() != buffer.Length) throw new InvalidOperationException("bandwidth buffer sum is wrong");
    }
}
