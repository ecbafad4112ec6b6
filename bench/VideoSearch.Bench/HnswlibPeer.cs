using System.Diagnostics;
using System.Text.Json;

namespace VideoSearch.Bench;

/// <summary>Runs bench/hnswlib_peer.py (Debian's python3-hnswlib) on the files the hnsw benchmark wrote.</summary>
internal static class HnswlibPeer
{
    internal sealed record Run(int Ef, double Recall, double Qps, double CpuQps);

    internal sealed record Result(string Version, double BuildSeconds, double BuildCpuSeconds, double FileBytesPerVector, IReadOnlyList<Run> Runs);

    public static async Task<Result?> RunAsync(string script, string directory, int m, int efConstruction,
        IReadOnlyList<int> efs, int buildThreads, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            ArgumentList = { script, "--dir", directory, "--m", $"{m}", "--ef-construction", $"{efConstruction}",
                "--ef", string.Join(',', efs), "--build-threads", $"{buildThreads}" },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"hnswlib peer failed with exit code {process.ExitCode}");
            return null;
        }
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        var runs = root.GetProperty("runs").EnumerateArray()
            .Select(r => new Run(r.GetProperty("ef").GetInt32(), r.GetProperty("recall").GetDouble(), r.GetProperty("qps").GetDouble(), r.GetProperty("cpu_qps").GetDouble()))
            .ToList();
        return new Result(root.GetProperty("version").GetString() ?? "?", root.GetProperty("build_s").GetDouble(),
            root.GetProperty("build_cpu_s").GetDouble(),
            root.GetProperty("file_bytes_per_vector").GetDouble(), runs);
    }

    /// <summary>Writes a matrix as int32 rows, int32 columns, then the values (the peer's input format).</summary>
    public static void WriteMatrix<T>(string path, ReadOnlySpan<T> values, int rows, int columns) where T : unmanaged
    {
        using var file = File.Create(path);
        file.Write(BitConverter.GetBytes(rows));
        file.Write(BitConverter.GetBytes(columns));
        // In slices: a span of more than 2 GiB of bytes cannot be formed.
        for (int start = 0; start < values.Length; start += 1 << 24)
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.Slice(start, Math.Min(1 << 24, values.Length - start))));
    }
}
