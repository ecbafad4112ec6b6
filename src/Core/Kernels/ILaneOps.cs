namespace VideoSearch.Core.Kernels;

/// <summary>
/// The few vector operations <see cref="SmallBatchLinear"/> needs, one implementation per instruction set, so the
/// kernel body is written once and the JIT specialises it per struct (static abstract members inline fully).
/// </summary>
/// <typeparam name="TVec">The hardware vector of floats (Vector256 or Vector512).</typeparam>
internal interface ILaneOps<TVec> where TVec : struct
{
    /// <summary>Floats per vector: the number of partial sums each dot product keeps.</summary>
    static abstract int Lanes { get; }

    /// <summary>All lanes zero.</summary>
    static abstract TVec Zero { get; }

    /// <summary>Loads <see cref="Lanes"/> floats (unaligned).</summary>
    static abstract unsafe TVec LoadInputs(float* source);

    /// <summary>Loads <see cref="Lanes"/> int8 weights and converts them to floats (exact).</summary>
    static abstract unsafe TVec LoadWeights(sbyte* source);

    /// <summary>Fused <c>x * w + acc</c> per lane (one rounding).</summary>
    static abstract TVec MultiplyAdd(TVec x, TVec w, TVec acc);

    /// <summary>Sum of the lanes by halving: lanes [0, n/2) plus [n/2, n), repeated down to one (a fixed order).</summary>
    static abstract float Sum(TVec value);
}
