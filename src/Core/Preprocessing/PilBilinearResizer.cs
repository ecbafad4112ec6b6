// Hand-written port of Pillow's Image.resize(..., BILINEAR) for 8-bit RGB (libImaging/Resample.c). No available
// .NET package reproduces it: PIL's bilinear is an antialiased triangle filter evaluated in 22-bit fixed point, in
// two passes with uint8 rounding in between, and transformers' VideoMAE preprocessing (the reference the model's
// inputs must match) resizes with exactly that. ffmpeg's and torch's bilinear filters come within 1-5 levels, not
// bit-exact (measured in tests/fixtures/reference/preprocess/README.md).
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace VideoSearch.Core.Preprocessing;

/// <summary>
/// Resizes 8-bit RGB images (row-major, channels last) exactly as Pillow's <c>Image.resize</c> with the
/// <c>BILINEAR</c> filter does, bit for bit. Thread-safe; filter taps are cached per size.
/// </summary>
public static class PilBilinearResizer
{
    private const int Channels = 3;

    /// <summary>Resizes the whole image.</summary>
    /// <param name="source">Input pixels, <paramref name="sourceSize"/>.Height * Width * 3 bytes.</param>
    /// <param name="sourceSize">Size of the input.</param>
    /// <param name="destination">Output pixels, <paramref name="size"/>.Height * Width * 3 bytes.</param>
    /// <param name="size">Size of the output.</param>
    /// <exception cref="ArgumentException">A size is not positive or a buffer has the wrong length.</exception>
    public static void Resize(ReadOnlySpan<byte> source, ImageSize sourceSize, Span<byte> destination, ImageSize size) =>
        ResizeRegion(source, sourceSize, size, 0, 0, size, destination);

    /// <summary>
    /// Computes only the window (<paramref name="top"/>, <paramref name="left"/>, <paramref name="region"/>) of the
    /// image resized to <paramref name="size"/>: identical bytes to cropping the full resize, since every output
    /// pixel depends only on its own taps, but without computing pixels a centre crop throws away.
    /// </summary>
    internal static void ResizeRegion(
        ReadOnlySpan<byte> source, ImageSize sourceSize, ImageSize size, int top, int left, ImageSize region,
        Span<byte> destination)
    {
        CheckArguments(source, sourceSize, size, top, left, region, destination);
        int sourceStride = sourceSize.Width * Channels;
        bool horizontal = size.Width != sourceSize.Width;
        bool vertical = size.Height != sourceSize.Height;

        if (!horizontal && !vertical)
        {
            for (int y = 0; y < region.Height; y++)
            {
                source.Slice((top + y) * sourceStride + left * Channels, region.Width * Channels)
                    .CopyTo(destination.Slice(y * region.Width * Channels));
            }
            return;
        }

        var columns = horizontal ? PilResampleCoefficients.For(sourceSize.Width, size.Width) : null;
        var rows = vertical ? PilResampleCoefficients.For(sourceSize.Height, size.Height) : null;

        if (columns == null)
        {
            ResampleVertical(source.Slice(left * Channels), sourceStride, 0, rows!, top, region, destination);
            return;
        }
        if (rows == null)
        {
            ResampleHorizontal(source, sourceStride, top, columns, left, region, destination);
            return;
        }

        // Horizontal first, only over the input rows the vertical pass reads (as Pillow does), to uint8.
        int firstRow = rows.Start[top];
        int lastRow = rows.Start[top + region.Height - 1] + rows.Count[top + region.Height - 1];
        var intermediateSize = new ImageSize(lastRow - firstRow, region.Width);
        int intermediateLength = intermediateSize.Height * intermediateSize.Width * Channels;
        byte[] rented = ArrayPool<byte>.Shared.Rent(intermediateLength);
        try
        {
            Span<byte> intermediate = rented.AsSpan(0, intermediateLength);
            ResampleHorizontal(source, sourceStride, firstRow, columns, left, intermediateSize, intermediate);
            ResampleVertical(intermediate, region.Width * Channels, firstRow, rows, top, region, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Output rows 0..region.Height from input rows firstRow.., output columns left.. of the taps.</summary>
    private static void ResampleHorizontal(
        ReadOnlySpan<byte> source, int sourceStride, int firstRow, PilResampleCoefficients taps, int left,
        ImageSize region, Span<byte> destination)
    {
        int kernelSize = taps.KernelSize;
        ref int weights = ref MemoryMarshal.GetArrayDataReference(taps.Weights);
        ref byte sourceStart = ref MemoryMarshal.GetReference(source);
        for (int y = 0; y < region.Height; y++)
        {
            int rowOffset = (firstRow + y) * sourceStride;
            ref byte inRow = ref Unsafe.Add(ref sourceStart, rowOffset);
            // The vector path reads 4 bytes per pixel; only the very last pixel of the buffer lacks a 4th byte.
            int lastSafeEnd = rowOffset + sourceStride < source.Length ? int.MaxValue : sourceStride / Channels - 1;
            Span<byte> outRow = destination.Slice(y * region.Width * Channels, region.Width * Channels);
            for (int x = 0; x < region.Width; x++)
            {
                int i = left + x;
                int start = taps.Start[i], count = taps.Count[i];
                ref byte pixel = ref Unsafe.Add(ref inRow, start * Channels);
                ref int w = ref Unsafe.Add(ref weights, i * kernelSize);
                if (Vector128.IsHardwareAccelerated && start + count <= lastSafeEnd)
                {
                    var sum = Vector128.Create(PilResampleCoefficients.Half);
                    for (int k = 0; k < count; k++)
                    {
                        sum += LoadPixel(ref Unsafe.Add(ref pixel, k * Channels)) * Vector128.Create(Unsafe.Add(ref w, k));
                    }
                    var v = Vector128.Min(Vector128.Max(
                        Vector128.ShiftRightArithmetic(sum, PilResampleCoefficients.PrecisionBits), Vector128<int>.Zero),
                        Vector128.Create(255));
                    outRow[x * 3] = (byte)v.GetElement(0);
                    outRow[x * 3 + 1] = (byte)v.GetElement(1);
                    outRow[x * 3 + 2] = (byte)v.GetElement(2);
                    continue;
                }
                int r = PilResampleCoefficients.Half, g = r, b = r;
                for (int k = 0; k < count; k++)
                {
                    int wk = Unsafe.Add(ref w, k);
                    r += Unsafe.Add(ref pixel, 0) * wk;
                    g += Unsafe.Add(ref pixel, 1) * wk;
                    b += Unsafe.Add(ref pixel, 2) * wk;
                    pixel = ref Unsafe.Add(ref pixel, Channels);
                }
                outRow[x * 3] = Clip8(r);
                outRow[x * 3 + 1] = Clip8(g);
                outRow[x * 3 + 2] = Clip8(b);
            }
        }
    }

    /// <summary>One RGB pixel (and the next byte, multiplied by nothing that is kept) as four int32 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> LoadPixel(ref byte pixel) =>
        Vector128.WidenLower(Vector128.WidenLower(
            Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref pixel)).AsByte())).AsInt32();

    /// <summary>
    /// Output rows top..top+region.Height of the taps; <paramref name="source"/> row 0 is input row
    /// <paramref name="firstRow"/> and each row holds region.Width pixels from its start.
    /// </summary>
    private static void ResampleVertical(
        ReadOnlySpan<byte> source, int sourceStride, int firstRow, PilResampleCoefficients taps, int top,
        ImageSize region, Span<byte> destination)
    {
        int rowLength = region.Width * Channels;
        int[] accumulator = ArrayPool<int>.Shared.Rent(rowLength);
        try
        {
            Span<int> sums = accumulator.AsSpan(0, rowLength);
            for (int y = 0; y < region.Height; y++)
            {
                int i = top + y;
                int start = taps.Start[i] - firstRow;
                int count = taps.Count[i];
                ReadOnlySpan<int> w = taps.Weights.AsSpan(i * taps.KernelSize, count);
                sums.Fill(PilResampleCoefficients.Half);
                // Integer sums are exact, so accumulating tap by tap over whole rows gives Pillow's result.
                for (int k = 0; k < count; k++)
                    MultiplyAdd(source.Slice((start + k) * sourceStride, rowLength), w[k], sums);
                Clip8(sums, destination.Slice(y * rowLength, rowLength));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(accumulator);
        }
    }

    /// <summary><c>sums[j] += row[j] * weight</c>, a vector of bytes at a time (widened to int32).</summary>
    private static void MultiplyAdd(ReadOnlySpan<byte> row, int weight, Span<int> sums)
    {
        int j = 0;
        int step = Vector<byte>.Count, lanes = Vector<int>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<int>(weight);
            for (; j <= row.Length - step; j += step)
            {
                Vector.Widen(new Vector<byte>(row.Slice(j)), out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> a, out Vector<uint> b);
                Vector.Widen(high, out Vector<uint> c, out Vector<uint> d);
                Span<int> s = sums.Slice(j, step);
                (new Vector<int>(s) + Vector.AsVectorInt32(a) * w).CopyTo(s);
                (new Vector<int>(s.Slice(lanes)) + Vector.AsVectorInt32(b) * w).CopyTo(s.Slice(lanes));
                (new Vector<int>(s.Slice(2 * lanes)) + Vector.AsVectorInt32(c) * w).CopyTo(s.Slice(2 * lanes));
                (new Vector<int>(s.Slice(3 * lanes)) + Vector.AsVectorInt32(d) * w).CopyTo(s.Slice(3 * lanes));
            }
        }
        for (; j < row.Length; j++) sums[j] += row[j] * weight;
    }

    /// <summary><c>row[j] = clip8(sums[j])</c>, a vector at a time.</summary>
    private static void Clip8(ReadOnlySpan<int> sums, Span<byte> row)
    {
        int j = 0;
        int step = Vector<byte>.Count, lanes = Vector<int>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var zero = Vector<int>.Zero;
            var max = new Vector<int>(255);
            for (; j <= row.Length - step; j += step)
            {
                ReadOnlySpan<int> s = sums.Slice(j, step);
                var a = Clamp(new Vector<int>(s), zero, max);
                var b = Clamp(new Vector<int>(s.Slice(lanes)), zero, max);
                var c = Clamp(new Vector<int>(s.Slice(2 * lanes)), zero, max);
                var d = Clamp(new Vector<int>(s.Slice(3 * lanes)), zero, max);
                var low = Vector.AsVectorUInt16(Vector.Narrow(a, b));
                var high = Vector.AsVectorUInt16(Vector.Narrow(c, d));
                Vector.Narrow(low, high).CopyTo(row.Slice(j));
            }
        }
        for (; j < row.Length; j++) row[j] = Clip8(sums[j]);
    }

    private static Vector<int> Clamp(Vector<int> sum, Vector<int> zero, Vector<int> max) =>
        Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(sum, PilResampleCoefficients.PrecisionBits), zero), max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Clip8(int sum)
    {
        int v = sum >> PilResampleCoefficients.PrecisionBits;
        return (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
    }

    private static void CheckArguments(
        ReadOnlySpan<byte> source, ImageSize sourceSize, ImageSize size, int top, int left, ImageSize region,
        ReadOnlySpan<byte> destination)
    {
        if (sourceSize.Height <= 0 || sourceSize.Width <= 0 || size.Height <= 0 || size.Width <= 0)
            throw new ArgumentException($"Sizes must be positive: {sourceSize} -> {size}.");
        if (source.Length != (long)sourceSize.Height * sourceSize.Width * Channels)
            throw new ArgumentException(
                $"A {sourceSize} RGB source needs {(long)sourceSize.Height * sourceSize.Width * Channels} bytes, got {source.Length}.",
                nameof(source));
        if (region.Height <= 0 || region.Width <= 0 || top < 0 || left < 0
            || top + region.Height > size.Height || left + region.Width > size.Width)
            throw new ArgumentException($"Region {region} at ({left}, {top}) is not inside {size}.", nameof(region));
        if (destination.Length != (long)region.Height * region.Width * Channels)
            throw new ArgumentException(
                $"A {region} RGB destination needs {(long)region.Height * region.Width * Channels} bytes, got {destination.Length}.",
                nameof(destination));
    }
}
