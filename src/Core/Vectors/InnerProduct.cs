using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace VideoSearch.Core.Vectors;

/// <summary>
/// Inner products on raw pointers for the graph's hot loop. The four-at-once form reads four stored vectors in one
/// pass, so their cache misses overlap instead of queueing one vector after another: at a million 512-dimensional
/// vectors (2 GB) nearly every neighbour is a trip to memory, and that wait, not arithmetic, is the cost.
/// TensorPrimitives has no batched form, hence these few hand-written loops (it remains the fallback where the
/// dimension is not a multiple of 16 or 512-bit vectors are not accelerated).
/// </summary>
internal static unsafe class InnerProduct
{
    private const int CacheLine = 64;

    /// <summary>The inner product of two <paramref name="dimension"/>-long vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float* a, float* b, int dimension)
    {
        if (!Vector512.IsHardwareAccelerated || (dimension & 15) != 0)
            return TensorPrimitives.Dot(new ReadOnlySpan<float>(a, dimension), new ReadOnlySpan<float>(b, dimension));
        var s0 = Vector512<float>.Zero;
        var s1 = Vector512<float>.Zero;
        int i = 0;
        for (; i + 32 <= dimension; i += 32)
        {
            s0 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i), Vector512.Load(b + i), s0);
            s1 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i + 16), Vector512.Load(b + i + 16), s1);
        }
        if (i < dimension) s0 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i), Vector512.Load(b + i), s0);
        return Vector512.Sum(s0 + s1);
    }

    /// <summary>The inner products of <paramref name="q"/> with four vectors, written to <paramref name="results"/>[0..4).</summary>
    public static void Dot4(float* q, float* a, float* b, float* c, float* d, int dimension, float* results)
    {
        if (!Vector512.IsHardwareAccelerated || (dimension & 15) != 0)
        {
            results[0] = Dot(q, a, dimension);
            results[1] = Dot(q, b, dimension);
            results[2] = Dot(q, c, dimension);
            results[3] = Dot(q, d, dimension);
            return;
        }
        var sa = Vector512<float>.Zero;
        var sb = Vector512<float>.Zero;
        var sc = Vector512<float>.Zero;
        var sd = Vector512<float>.Zero;
        for (int i = 0; i < dimension; i += 16)
        {
            var x = Vector512.Load(q + i);
            sa = Vector512.FusedMultiplyAdd(x, Vector512.Load(a + i), sa);
            sb = Vector512.FusedMultiplyAdd(x, Vector512.Load(b + i), sb);
            sc = Vector512.FusedMultiplyAdd(x, Vector512.Load(c + i), sc);
            sd = Vector512.FusedMultiplyAdd(x, Vector512.Load(d + i), sd);
        }
        results[0] = Vector512.Sum(sa);
        results[1] = Vector512.Sum(sb);
        results[2] = Vector512.Sum(sc);
        results[3] = Vector512.Sum(sd);
    }

    /// <summary>The inner product of two spans of equal length.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new VectorDimensionMismatchException(a.Length, b.Length);
        fixed (float* pa = a, pb = b) return Dot(pa, pb, a.Length);
    }

    /// <summary>
    /// The inner products of <paramref name="query"/> with the four vectors laid end to end in
    /// <paramref name="four"/>, written to <paramref name="results"/>[0..4).
    /// </summary>
    public static void Dot4(ReadOnlySpan<float> query, ReadOnlySpan<float> four, Span<float> results)
    {
        int dimension = query.Length;
        if (four.Length != 4 * dimension) throw new VectorDimensionMismatchException(4 * dimension, four.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, 4, nameof(results));
        fixed (float* q = query, v = four, r = results)
            Dot4(q, v, v + dimension, v + 2 * dimension, v + 3 * dimension, dimension, r);
    }

    /// <summary>Asks the cache for the first <paramref name="bytes"/> of <paramref name="p"/> ahead of use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Prefetch(void* p, int bytes)
    {
        if (!Sse.IsSupported) return;
        for (int offset = 0; offset < bytes; offset += CacheLine) Sse.Prefetch0((byte*)p + offset);
    }
}
