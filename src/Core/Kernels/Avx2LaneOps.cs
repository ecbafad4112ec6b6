using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace VideoSearch.Core.Kernels;

/// <summary>AVX2 + FMA: 8 lanes; int8 weights widen with <c>vpmovsxbd</c> straight from memory.</summary>
internal readonly struct Avx2LaneOps : ILaneOps<Vector256<float>>
{
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    public static int Lanes => 8;

    public static Vector256<float> Zero => Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<float> LoadInputs(float* source) => Avx.LoadVector256(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<float> LoadWeights(sbyte* source) =>
        Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> x, Vector256<float> w, Vector256<float> acc) =>
        Fma.MultiplyAdd(x, w, acc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector256<float> value)
    {
        var half = value.GetLower() + value.GetUpper(); // lanes j + (j + 4)
        return (half.GetElement(0) + half.GetElement(2)) + (half.GetElement(1) + half.GetElement(3));
    }
}
