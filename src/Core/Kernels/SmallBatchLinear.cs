// Why hand-written: no served package multiplies a few fp32 rows by int8 per-channel weights in process.
// System.Numerics.Tensors' TensorPrimitives has fp32 Dot/MultiplyAdd but no int8-weight product with scales, so
// it would need the weights widened to fp32 first (the very bytes this kernel exists not to read); ONNX Runtime's
// MatMulInteger/MatMulNBits would mean a second inference runtime and a copy of every activation per call;
// libtorch's own bf16 path is no faster than fp32 at M <= 16 rows (measured).
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace VideoSearch.Core.Kernels;

/// <summary>
/// <c>y = x W^T + b</c> for a few rows x [M, K] (M &lt;= <see cref="MaxRows"/>, a query's tokens) and int8
/// per-channel weights: at such M the product is memory-bound, so reading a quarter of the fp32 bytes is the speed-up.
/// Each output is a dot product along K kept in <c>Lanes</c> fp32 partial sums (fused multiply-add, the weight
/// widened exactly to fp32), summed by halving, the K % Lanes tail added one fused step at a time, then
/// <c>sum * scale + bias</c>: the same order on every path, so a path and its scalar twin agree bit for bit.
/// Output channels are split into one contiguous block per core.
/// </summary>
public static class SmallBatchLinear
{
    /// <summary>Most rows one call takes: beyond it libtorch's blocked GEMM reuses weights better than this kernel.</summary>
    public const int MaxRows = 16;

    /// <summary>The instruction set <see cref="Forward(Int8LinearWeights, ReadOnlySpan{float}, int, Span{float})"/> uses here.</summary>
    public static LinearKernelIsa Best { get; } =
        Avx512LaneOps.IsSupported ? LinearKernelIsa.Avx512 : Avx2LaneOps.IsSupported ? LinearKernelIsa.Avx2 : LinearKernelIsa.Scalar;

    /// <summary>Partial sums per dot product on <paramref name="isa"/>.</summary>
    public static int LanesOf(LinearKernelIsa isa) => isa == LinearKernelIsa.Avx512 ? 16 : 8;

    /// <summary>Writes <paramref name="output"/> [rows, N] from <paramref name="input"/> [rows, K], both row-major.</summary>
    public static void Forward(Int8LinearWeights weights, ReadOnlySpan<float> input, int rows, Span<float> output) =>
        Forward(weights, input, rows, output, Best, DefaultParts(weights));

    /// <summary>As <see cref="Forward(Int8LinearWeights, ReadOnlySpan{float}, int, Span{float})"/> on a chosen path and split.</summary>
    /// <exception cref="ArgumentException">Shapes do not match, or <paramref name="isa"/> is not supported here.</exception>
    public static unsafe void Forward(Int8LinearWeights weights, ReadOnlySpan<float> input, int rows, Span<float> output,
        LinearKernelIsa isa, int parts)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        int k = weights.InFeatures, n = weights.OutFeatures;
        if (input.Length != rows * k) throw new ArgumentException($"{rows} rows of {k} need {rows * k} inputs, got {input.Length}.", nameof(input));
        if (output.Length != rows * n) throw new ArgumentException($"{rows} rows of {n} need {rows * n} outputs, got {output.Length}.", nameof(output));
        if (isa == LinearKernelIsa.Avx512 && !Avx512LaneOps.IsSupported || isa == LinearKernelIsa.Avx2 && !Avx2LaneOps.IsSupported)
            throw new ArgumentException($"{isa} is not supported on this CPU.", nameof(isa));
        parts = Math.Clamp(parts, 1, n);
        fixed (float* x = input)
        fixed (float* y = output)
        {
            var call = new Call(weights, (nint)x, (nint)y, rows, isa, parts);
            if (parts == 1) call.Run(0);
            else Parallel.For(0, parts, call.Run);
        }
    }

    /// <summary>One block per core, unless the layer is so small that waking a second thread costs more than it saves.</summary>
    private static int DefaultParts(Int8LinearWeights weights) =>
        weights.Values.Length < 64 * 1024 ? 1 : Math.Min(Environment.ProcessorCount, weights.OutFeatures / 16);

    /// <summary>The arguments of one call, shared by its blocks (pointers as nint so worker lambdas can carry them).</summary>
    private sealed class Call(Int8LinearWeights weights, nint x, nint y, int rows, LinearKernelIsa isa, int parts)
    {
        public unsafe void Run(int part)
        {
            int n = weights.OutFeatures;
            int from = (int)((long)n * part / parts), to = (int)((long)n * (part + 1) / parts);
            fixed (sbyte* w = weights.Values)
            {
                var block = new LinearBlock(w, (float*)x, (float*)y, weights.Scales, weights.Bias, weights.InFeatures, n);
                switch (isa)
                {
                    case LinearKernelIsa.Avx512: Columns<Avx512LaneOps, Vector512<float>>(block, rows, from, to); break;
                    case LinearKernelIsa.Avx2: Columns<Avx2LaneOps, Vector256<float>>(block, rows, from, to); break;
                    default: ScalarLinearKernel.Columns(block, rows, from, to); break;
                }
            }
        }
    }

    /// <summary>
    /// Outputs [from, to) of every row, in register tiles chosen by measurement (Zen 2): 8 rows x 1 output (one weight
    /// widening per 8 FMAs) while the 8 input rows fit in L1 (K &lt;= 768; beyond, every FMA's input load misses it),
    /// else 4 rows x 3 outputs (12 FMA chains, 16 registers); the 1-3 rows left go 2 x 4 and 1 x 4, so even a
    /// 3-token query keeps 4 or more independent chains; output columns left over go one at a time.
    /// </summary>
    private static unsafe void Columns<TOps, TVec>(LinearBlock b, int rows, int from, int to)
        where TOps : ILaneOps<TVec> where TVec : struct
    {
        int vectorK = b.K - b.K % TOps.Lanes;
        int r = 0;
        if (b.K <= 768)
            for (; r + 8 <= rows; r += 8)
                for (int col = from; col < to; col++) Rows8<TOps, TVec>(b, b.W + (long)col * b.K, r, col, vectorK);
        for (; r + 4 <= rows; r += 4)
        {
            int col = from;
            for (; col + 3 <= to; col += 3) Rows4Cols3<TOps, TVec>(b, r, col, vectorK);
            for (; col < to; col++) Rows4<TOps, TVec>(b, b.W + (long)col * b.K, r, col, vectorK);
        }
        for (; r + 2 <= rows; r += 2)
        {
            int col = from;
            for (; col + 4 <= to; col += 4) RowsCols4<TOps, TVec>(b, r, 2, col, vectorK);
            for (; col < to; col++)
                for (int i = r; i < r + 2; i++) Rows1<TOps, TVec>(b, b.W + (long)col * b.K, i, col, vectorK);
        }
        for (; r < rows; r++)
        {
            int col = from;
            for (; col + 4 <= to; col += 4) RowsCols4<TOps, TVec>(b, r, 1, col, vectorK);
            for (; col < to; col++) Rows1<TOps, TVec>(b, b.W + (long)col * b.K, r, col, vectorK);
        }
    }

    /// <summary>1 or 2 rows (<paramref name="count"/>) x 4 outputs: 4 or 8 chains; the second row's work is skipped, not wasted, for 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RowsCols4<TOps, TVec>(LinearBlock b, int r, int count, int col, int vectorK)
        where TOps : ILaneOps<TVec> where TVec : struct
    {
        float* x0 = b.X + (long)r * b.K, x1 = count == 2 ? x0 + b.K : x0;
        sbyte* w0 = b.W + (long)col * b.K, w1 = w0 + b.K, w2 = w1 + b.K, w3 = w2 + b.K;
        TVec a00 = TOps.Zero, a01 = TOps.Zero, a02 = TOps.Zero, a03 = TOps.Zero;
        TVec a10 = TOps.Zero, a11 = TOps.Zero, a12 = TOps.Zero, a13 = TOps.Zero;
        if (count == 2)
        {
            for (int k = 0; k < vectorK; k += TOps.Lanes)
            {
                TVec y0 = TOps.LoadInputs(x0 + k), y1 = TOps.LoadInputs(x1 + k);
                TVec v = TOps.LoadWeights(w0 + k);
                a00 = TOps.MultiplyAdd(y0, v, a00); a10 = TOps.MultiplyAdd(y1, v, a10);
                v = TOps.LoadWeights(w1 + k);
                a01 = TOps.MultiplyAdd(y0, v, a01); a11 = TOps.MultiplyAdd(y1, v, a11);
                v = TOps.LoadWeights(w2 + k);
                a02 = TOps.MultiplyAdd(y0, v, a02); a12 = TOps.MultiplyAdd(y1, v, a12);
                v = TOps.LoadWeights(w3 + k);
                a03 = TOps.MultiplyAdd(y0, v, a03); a13 = TOps.MultiplyAdd(y1, v, a13);
            }
        }
        else
        {
            for (int k = 0; k < vectorK; k += TOps.Lanes)
            {
                TVec y0 = TOps.LoadInputs(x0 + k);
                a00 = TOps.MultiplyAdd(y0, TOps.LoadWeights(w0 + k), a00);
                a01 = TOps.MultiplyAdd(y0, TOps.LoadWeights(w1 + k), a01);
                a02 = TOps.MultiplyAdd(y0, TOps.LoadWeights(w2 + k), a02);
                a03 = TOps.MultiplyAdd(y0, TOps.LoadWeights(w3 + k), a03);
            }
        }
        b.Store(r, col, b.Tail(TOps.Sum(a00), x0, w0, vectorK));
        b.Store(r, col + 1, b.Tail(TOps.Sum(a01), x0, w1, vectorK));
        b.Store(r, col + 2, b.Tail(TOps.Sum(a02), x0, w2, vectorK));
        b.Store(r, col + 3, b.Tail(TOps.Sum(a03), x0, w3, vectorK));
        if (count == 1) return;
        b.Store(r + 1, col, b.Tail(TOps.Sum(a10), x1, w0, vectorK));
        b.Store(r + 1, col + 1, b.Tail(TOps.Sum(a11), x1, w1, vectorK));
        b.Store(r + 1, col + 2, b.Tail(TOps.Sum(a12), x1, w2, vectorK));
        b.Store(r + 1, col + 3, b.Tail(TOps.Sum(a13), x1, w3, vectorK));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Rows4Cols3<TOps, TVec>(LinearBlock b, int r, int col, int vectorK)
        where TOps : ILaneOps<TVec> where TVec : struct
    {
        float* x0 = b.X + (long)r * b.K, x1 = x0 + b.K, x2 = x1 + b.K, x3 = x2 + b.K;
        sbyte* w0 = b.W + (long)col * b.K, w1 = w0 + b.K, w2 = w1 + b.K;
        TVec a00 = TOps.Zero, a01 = TOps.Zero, a02 = TOps.Zero, a10 = TOps.Zero, a11 = TOps.Zero, a12 = TOps.Zero;
        TVec a20 = TOps.Zero, a21 = TOps.Zero, a22 = TOps.Zero, a30 = TOps.Zero, a31 = TOps.Zero, a32 = TOps.Zero;
        for (int k = 0; k < vectorK; k += TOps.Lanes)
        {
            TVec v0 = TOps.LoadWeights(w0 + k), v1 = TOps.LoadWeights(w1 + k), v2 = TOps.LoadWeights(w2 + k);
            TVec x = TOps.LoadInputs(x0 + k);
            a00 = TOps.MultiplyAdd(x, v0, a00); a01 = TOps.MultiplyAdd(x, v1, a01); a02 = TOps.MultiplyAdd(x, v2, a02);
            x = TOps.LoadInputs(x1 + k);
            a10 = TOps.MultiplyAdd(x, v0, a10); a11 = TOps.MultiplyAdd(x, v1, a11); a12 = TOps.MultiplyAdd(x, v2, a12);
            x = TOps.LoadInputs(x2 + k);
            a20 = TOps.MultiplyAdd(x, v0, a20); a21 = TOps.MultiplyAdd(x, v1, a21); a22 = TOps.MultiplyAdd(x, v2, a22);
            x = TOps.LoadInputs(x3 + k);
            a30 = TOps.MultiplyAdd(x, v0, a30); a31 = TOps.MultiplyAdd(x, v1, a31); a32 = TOps.MultiplyAdd(x, v2, a32);
        }
        b.Store(r, col, b.Tail(TOps.Sum(a00), x0, w0, vectorK));
        b.Store(r, col + 1, b.Tail(TOps.Sum(a01), x0, w1, vectorK));
        b.Store(r, col + 2, b.Tail(TOps.Sum(a02), x0, w2, vectorK));
        b.Store(r + 1, col, b.Tail(TOps.Sum(a10), x1, w0, vectorK));
        b.Store(r + 1, col + 1, b.Tail(TOps.Sum(a11), x1, w1, vectorK));
        b.Store(r + 1, col + 2, b.Tail(TOps.Sum(a12), x1, w2, vectorK));
        b.Store(r + 2, col, b.Tail(TOps.Sum(a20), x2, w0, vectorK));
        b.Store(r + 2, col + 1, b.Tail(TOps.Sum(a21), x2, w1, vectorK));
        b.Store(r + 2, col + 2, b.Tail(TOps.Sum(a22), x2, w2, vectorK));
        b.Store(r + 3, col, b.Tail(TOps.Sum(a30), x3, w0, vectorK));
        b.Store(r + 3, col + 1, b.Tail(TOps.Sum(a31), x3, w1, vectorK));
        b.Store(r + 3, col + 2, b.Tail(TOps.Sum(a32), x3, w2, vectorK));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Rows8<TOps, TVec>(LinearBlock b, sbyte* w, int r, int col, int vectorK)
        where TOps : ILaneOps<TVec> where TVec : struct
    {
        float* x0 = b.X + (long)r * b.K, x1 = x0 + b.K, x2 = x1 + b.K, x3 = x2 + b.K;
        float* x4 = x3 + b.K, x5 = x4 + b.K, x6 = x5 + b.K, x7 = x6 + b.K;
        TVec a0 = TOps.Zero, a1 = TOps.Zero, a2 = TOps.Zero, a3 = TOps.Zero;
        TVec a4 = TOps.Zero, a5 = TOps.Zero, a6 = TOps.Zero, a7 = TOps.Zero;
        for (int k = 0; k < vectorK; k += TOps.Lanes)
        {
            var wv = TOps.LoadWeights(w + k);
            a0 = TOps.MultiplyAdd(TOps.LoadInputs(x0 + k), wv, a0);
            a1 = TOps.MultiplyAdd(TOps.LoadInputs(x1 + k), wv, a1);
            a2 = TOps.MultiplyAdd(TOps.LoadInputs(x2 + k), wv, a2);
            a3 = TOps.MultiplyAdd(TOps.LoadInputs(x3 + k), wv, a3);
            a4 = TOps.MultiplyAdd(TOps.LoadInputs(x4 + k), wv, a4);
            a5 = TOps.MultiplyAdd(TOps.LoadInputs(x5 + k), wv, a5);
            a6 = TOps.MultiplyAdd(TOps.LoadInputs(x6 + k), wv, a6);
            a7 = TOps.MultiplyAdd(TOps.LoadInputs(x7 + k), wv, a7);
        }
        b.Store(r, col, b.Tail(TOps.Sum(a0), x0, w, vectorK));
        b.Store(r + 1, col, b.Tail(TOps.Sum(a1), x1, w, vectorK));
        b.Store(r + 2, col, b.Tail(TOps.Sum(a2), x2, w, vectorK));
        b.Store(r + 3, col, b.Tail(TOps.Sum(a3), x3, w, vectorK));
        b.Store(r + 4, col, b.Tail(TOps.Sum(a4), x4, w, vectorK));
        b.Store(r + 5, col, b.Tail(TOps.Sum(a5), x5, w, vectorK));
        b.Store(r + 6, col, b.Tail(TOps.Sum(a6), x6, w, vectorK));
        b.Store(r + 7, col, b.Tail(TOps.Sum(a7), x7, w, vectorK));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Rows4<TOps, TVec>(LinearBlock b, sbyte* w, int r, int col, int vectorK)
        where TOps : ILaneOps<TVec> where TVec : struct
    {
        float* x0 = b.X + (long)r * b.K, x1 = x0 + b.K, x2 = x1 + b.K, x3 = x2 + b.K;
        TVec a0 = TOps.Zero, a1 = TOps.Zero, a2 = TOps.Zero, a3 = TOps.Zero;
        for (int k = 0; k < vectorK; k += TOps.Lanes)
        {
            var wv = TOps.LoadWeights(w + k);
            a0 = TOps.MultiplyAdd(TOps.LoadInputs(x0 + k), wv, a0);
            a1 = TOps.MultiplyAdd(TOps.LoadInputs(x1 + k), wv, a1);
            a2 = TOps.MultiplyAdd(TOps.LoadInputs(x2 + k), wv, a2);
            a3 = TOps.MultiplyAdd(TOps.LoadInputs(x3 + k), wv, a3);
        }
        b.Store(r, col, b.Tail(TOps.Sum(a0), x0, w, vectorK));
        b.Store(r + 1, col, b.Tail(TOps.Sum(a1), x1, w, vectorK));
        b.Store(r + 2, col, b.Tail(TOps.Sum(a2), x2, w, vectorK));
        b.Store(r + 3, col, b.Tail(TOps.Sum(a3), x3, w, vectorK));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Rows1<TOps, TVec>(LinearBlock b, sbyte* w, int r, int col, int vectorK)
        where TOps : ILaneOps<TVec> where TVec : struct
    {
        float* x0 = b.X + (long)r * b.K;
        TVec a0 = TOps.Zero;
        for (int k = 0; k < vectorK; k += TOps.Lanes)
            a0 = TOps.MultiplyAdd(TOps.LoadInputs(x0 + k), TOps.LoadWeights(w + k), a0);
        b.Store(r, col, b.Tail(TOps.Sum(a0), x0, w, vectorK));
    }
}
