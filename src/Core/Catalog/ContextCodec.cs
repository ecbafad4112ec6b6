using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Stores a clip's prompt-generator context compactly: one format byte, then the values. The normal format is
/// IEEE float16 (half the bytes of float32; 49 x 512 values take 50,177 bytes). Its round-to-nearest error is at
/// most half a float16 spacing: |x| * 2^-11 (relative 4.9e-4) for |x| at or above 2^-14, and 2^-25 below that.
/// A context with a value beyond the float16 range (|x| &gt; 65504) is stored as float32 instead, exactly.
/// </summary>
public static class ContextCodec
{
    /// <summary>Format byte of float16 values.</summary>
    internal const byte Float16Format = 1;

    /// <summary>Format byte of float32 values (fallback for values float16 cannot hold).</summary>
    internal const byte Float32Format = 2;

    private const float HalfMaxValue = 65504f;
    private const float HalfMinNormal = 6.1035156e-5f; // 2^-14

    /// <summary>Encodes <paramref name="values"/>; float16 unless a value is outside the float16 range.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static byte[] Encode(ReadOnlySpan<float> values)
    {
        float maxMagnitude = values.IsEmpty ? 0f : MathF.Abs(TensorPrimitives.MaxMagnitude(values));
        if (!float.IsFinite(maxMagnitude))
            throw new ArgumentException($"A context holds a non-finite value ({maxMagnitude}); the model output is invalid",
                nameof(values));

        if (maxMagnitude > HalfMaxValue)
        {
            var wide = new byte[1 + values.Length * sizeof(float)];
            wide[0] = Float32Format;
            MemoryMarshal.AsBytes(values).CopyTo(wide.AsSpan(1));
            return wide;
        }

        var bytes = new byte[1 + values.Length * 2];
        bytes[0] = Float16Format;
        TensorPrimitives.ConvertToHalf(values, MemoryMarshal.Cast<byte, Half>(bytes.AsSpan(1)));
        return bytes;
    }

    /// <summary>Number of values in an encoded context.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an encoded context.</exception>
    public static int ValueCount(ReadOnlySpan<byte> encoded) => encoded.IsEmpty
        ? throw new InvalidDataException("An encoded context is empty (no format byte)")
        : encoded[0] switch
        {
            Float16Format => CheckedCount(encoded.Length - 1, 2),
            Float32Format => CheckedCount(encoded.Length - 1, sizeof(float)),
            _ => throw new InvalidDataException($"Unknown context format byte {encoded[0]}"),
        };

    /// <summary>Decodes into <paramref name="destination"/>, whose length must be <see cref="ValueCount"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an encoded context.</exception>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void Decode(ReadOnlySpan<byte> encoded, Span<float> destination)
    {
        int count = ValueCount(encoded);
        if (destination.Length != count)
            throw new ArgumentException($"The context holds {count} values but the destination has {destination.Length}",
                nameof(destination));
        ReadOnlySpan<byte> payload = encoded[1..];
        if (encoded[0] == Float16Format)
            TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(payload), destination);
        else
            MemoryMarshal.Cast<byte, float>(payload).CopyTo(destination);
    }

    /// <summary>Decodes into a new array.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an encoded context.</exception>
    public static float[] Decode(ReadOnlySpan<byte> encoded)
    {
        var values = new float[ValueCount(encoded)];
        Decode(encoded, values);
        return values;
    }

    /// <summary>
    /// The largest error float16 storage can add to <paramref name="value"/>: half the float16 spacing at its
    /// magnitude (round to nearest), a fixed 2^-25 in the subnormal range.
    /// </summary>
    public static float MaxFloat16Error(float value)
    {
        float magnitude = MathF.Abs(value);
        if (magnitude < HalfMinNormal) return MathF.ScaleB(1f, -25);
        int exponent = MathF.ILogB(magnitude);
        return MathF.ScaleB(1f, exponent - 11);
    }

    private static int CheckedCount(int payloadBytes, int valueBytes) => payloadBytes % valueBytes == 0
        ? payloadBytes / valueBytes
        : throw new InvalidDataException($"An encoded context has {payloadBytes} payload bytes, not a multiple of {valueBytes}");
}
