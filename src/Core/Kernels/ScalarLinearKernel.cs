namespace VideoSearch.Core.Kernels;

/// <summary>
/// <see cref="SmallBatchLinear"/> on CPUs without AVX2: plain C# with the AVX2 path's arithmetic (8 partial sums,
/// fused steps, the same halving), so results do not depend on which path ran.
/// </summary>
internal static class ScalarLinearKernel
{
    private const int Lanes = 8;

    /// <summary>Outputs [from, to) of every row.</summary>
    public static unsafe void Columns(LinearBlock b, int rows, int from, int to)
    {
        int vectorK = b.K - b.K % Lanes;
        Span<float> acc = stackalloc float[Lanes];
        for (int col = from; col < to; col++)
        {
            sbyte* w = b.W + (long)col * b.K;
            for (int r = 0; r < rows; r++)
            {
                float* x = b.X + (long)r * b.K;
                acc.Clear();
                for (int k = 0; k < vectorK; k += Lanes)
                    for (int j = 0; j < Lanes; j++) acc[j] = MathF.FusedMultiplyAdd(x[k + j], w[k + j], acc[j]);
                for (int width = Lanes / 2; width >= 1; width /= 2)
                    for (int j = 0; j < width; j++) acc[j] += acc[j + width];
                b.Store(r, col, b.Tail(acc[0], x, w, vectorK));
            }
        }
    }
}
