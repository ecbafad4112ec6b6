using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace VideoSearch.Core.Kernels;

/// <summary>AVX-512F: 16 lanes; int8 weights widen with <c>vpmovsxbd</c> straight from memory.</summary>
internal readonly struct Avx512LaneOps : ILaneOps<Vector512<float>>
{
    public static bool IsSupported => Avx512F.IsSupported;

    public static int Lanes => 16;

    public static Vector512<float> Zero => Vector512<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<float> LoadInputs(float* source) => Avx512F.LoadVector512(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<float> LoadWeights(sbyte* source) =>
        Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(source)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> x, Vector512<float> w, Vector512<float> acc) =>
        Avx512F.FusedMultiplyAdd(x, w, acc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector512<float> value) => Avx2LaneOps.Sum(value.GetLower() + value.GetUpper());
}
