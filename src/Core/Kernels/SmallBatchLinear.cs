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

    /// <summary>Outputs [from, to) of every row: rows in blocks of 8 (8 independent FMA chains hide most of the latency), then 4, then 1.</summary>
    private static unsafe void Columns<TOps, TVec>(LinearBlock b, int rows, int from, int to)
        where TOps : ILaneOps<TVec> where TVec : struct
    {
        int vectorK = b.K - b.K % TOps.Lanes;
        for (int col = from; col < to; col++)
        {
            sbyte* w = b.W + (long)col * b.K;
            int r = 0;
            for (; r + 8 <= rows; r += 8) Rows8<TOps, TVec>(b, w, r, col, vectorK);
            for (; r + 4 <= rows; r += 4) Rows4<TOps, TVec>(b, w, r, col, vectorK);
            for (; r < rows; r++) Rows1<TOps, TVec>(b, w, r, col, vectorK);
        }
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
