using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>
/// Reads one float32 tensor from a safetensors file (8-byte little-endian header length, JSON header, raw data).
/// Hand-written because no safetensors package is referenced and the catalog tests only need float32 tensors.
/// </summary>
internal static class SafetensorsFixture
{
    public static (float[] Values, int[] Shape) ReadFloat32(string path, string name)
    {
        byte[] file = File.ReadAllBytes(path);
        long headerLength = BinaryPrimitives.ReadInt64LittleEndian(file);
        using var header = JsonDocument.Parse(file.AsMemory(8, (int)headerLength));
        JsonElement entry = header.RootElement.GetProperty(name);
        if (entry.GetProperty("dtype").GetString() != "F32")
            throw new InvalidDataException($"{name} in {path} is not float32");
        int[] shape = entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        JsonElement offsets = entry.GetProperty("data_offsets");
        int start = 8 + (int)headerLength + offsets[0].GetInt32();
        int end = 8 + (int)headerLength + offsets[1].GetInt32();
        return (MemoryMarshal.Cast<byte, float>(file.AsSpan(start, end - start)).ToArray(), shape);
    }
}
