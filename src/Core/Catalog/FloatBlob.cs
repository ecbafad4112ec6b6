using System.Runtime.InteropServices;

namespace VideoSearch.Core.Catalog;

/// <summary>Little-endian float32/float64 arrays to and from BLOB bytes (the format of embeddings and frame times).</summary>
internal static class FloatBlob
{
    public static byte[] FromSingles(ReadOnlySpan<float> values) => MemoryMarshal.AsBytes(values).ToArray();

    public static byte[] FromDoubles(ReadOnlySpan<double> values) => MemoryMarshal.AsBytes(values).ToArray();

    public static float[] ToSingles(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
            throw new InvalidDataException($"A float32 blob of {bytes.Length} bytes is not a whole number of floats");
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    public static double[] ToDoubles(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(double) != 0)
            throw new InvalidDataException($"A float64 blob of {bytes.Length} bytes is not a whole number of doubles");
        return MemoryMarshal.Cast<byte, double>(bytes).ToArray();
    }

    static FloatBlob()
    {
        // The stored format is little-endian; reinterpreting spans is only right on a little-endian machine.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The catalog needs a little-endian machine");
    }
}
