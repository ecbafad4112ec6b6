namespace VideoSearch.Core.Kernels;

/// <summary>The instruction set a <see cref="SmallBatchLinear"/> call runs on.</summary>
public enum LinearKernelIsa
{
    /// <summary>Plain C#, 8 partial sums like the AVX2 path: any CPU.</summary>
    Scalar,

    /// <summary>AVX2 + FMA, 8 lanes.</summary>
    Avx2,

    /// <summary>AVX-512F, 16 lanes.</summary>
    Avx512,
}
