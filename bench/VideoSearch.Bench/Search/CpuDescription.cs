using System.Runtime.Intrinsics;
using VideoSearch.Core.Kernels;

namespace VideoSearch.Bench.Search;

/// <summary>The CPU line a latency figure needs beside it: model, SIMD flags, and the kernel path .NET picks here.</summary>
internal static class CpuDescription
{
    private static readonly string[] SimdFlags =
        ["sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_bf16", "amx_int8"];

    public static string Line()
    {
        string model = "unknown CPU", flags = "";
        if (File.Exists("/proc/cpuinfo"))
        {
            var lines = File.ReadLines("/proc/cpuinfo").TakeWhile(l => l.Length > 0).ToList();
            model = Value(lines, "model name") ?? model;
            var present = (Value(lines, "flags") ?? "").Split(' ').ToHashSet();
            flags = string.Join(' ', SimdFlags.Where(present.Contains));
        }
        return $"CPU: {model}; SIMD flags: {flags}; .NET Vector256 {Vector256.IsHardwareAccelerated}, " +
               $"Vector512 {Vector512.IsHardwareAccelerated}; int8 linear kernel path {SmallBatchLinear.Best}";
    }

    private static string? Value(List<string> lines, string key) =>
        lines.Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
}
