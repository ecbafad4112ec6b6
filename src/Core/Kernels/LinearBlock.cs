using System.Runtime.CompilerServices;

namespace VideoSearch.Core.Kernels;

/// <summary>Pointers and widths one <see cref="SmallBatchLinear"/> block works on, and the steps every path shares.</summary>
internal readonly unsafe struct LinearBlock(sbyte* w, float* x, float* y, float[] scales, float[] bias, int k, int n)
{
    /// <summary>Quantised weight [N, K].</summary>
    public sbyte* W { get; } = w;

    /// <summary>Input rows [M, K].</summary>
    public float* X { get; } = x;

    /// <summary>Input width K.</summary>
    public int K { get; } = k;

    /// <summary>Adds the K % lanes tail to a lane sum, one fused step per element, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Tail(float sum, float* row, sbyte* weights, int from)
    {
        for (int i = from; i < K; i++) sum = MathF.FusedMultiplyAdd(row[i], weights[i], sum);
        return sum;
    }

    /// <summary>Writes <c>sum * scale + bias</c> (two roundings, never contracted) at [row, col].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int row, int col, float sum)
    {
        float scaled = sum * scales[col];
        y[(long)row * n + col] = scaled + bias[col];
    }
}
