using System.Buffers.Binary;
using System.Text;
using VideoSearch.Core.Checkpoints;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Checkpoints;

/// <summary>
/// The reference kits' safetensors files as the upstream serializer would write them. The kits were written by a
/// stand-in writer that stores the tensors exactly as upstream does (sorted by dtype alignment, then name) but puts
/// <c>__metadata__</c> last in the header, where upstream's <c>Metadata::serialize</c> writes it first; moving that one
/// entry gives upstream's bytes (the header length and padding do not change).
/// </summary>
internal static class KitCheckpoint
{
    private const string MetadataEntry = "\"__metadata__\":{\"format\":\"pt\"}";

    /// <summary>Every tensor of <paramref name="path"/> (float types as float32, integer types as int64).</summary>
    public static Dictionary<string, Tensor> ReadAll(string path)
    {
        using var file = SafetensorsFile.Open(path);
        return file.Tensors.Keys.ToDictionary(k => k, file.ReadTensor, StringComparer.Ordinal);
    }

    /// <summary>The bytes of <paramref name="path"/> with its trailing <c>__metadata__</c> entry moved to the front.</summary>
    public static byte[] UpstreamBytes(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int length = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        string header = Encoding.UTF8.GetString(bytes, 8, length);
        string json = header.TrimEnd(' ');
        string kitTail = "," + MetadataEntry + "}";
        if (!json.EndsWith(kitTail, StringComparison.Ordinal))
            throw new InvalidOperationException($"{path}: the header does not end with {kitTail}");
        string upstream = "{" + MetadataEntry + "," + json[1..^kitTail.Length] + "}" + new string(' ', header.Length - json.Length);
        byte[] result = (byte[])bytes.Clone();
        Encoding.UTF8.GetBytes(upstream).CopyTo(result, 8);
        return result;
    }

    /// <summary>Where two byte arrays first differ, for a failure message that does not print megabytes.</summary>
    public static string FirstDifference(byte[] expected, byte[] actual)
    {
        int n = Math.Min(expected.Length, actual.Length);
        for (int i = 0; i < n; i++)
            if (expected[i] != actual[i]) return $"first difference at byte {i} of {expected.Length} (expected {expected[i]}, got {actual[i]})";
        return expected.Length == actual.Length ? "identical" : $"lengths differ: expected {expected.Length}, got {actual.Length}";
    }

    public static void DisposeAll(Dictionary<string, Tensor> tensors)
    {
        foreach (var t in tensors.Values) t.Dispose();
    }
}
