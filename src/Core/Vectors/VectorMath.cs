using System.Numerics.Tensors;

namespace VideoSearch.Core.Vectors;

/// <summary>Normalisation shared by the indexes (SIMD through TensorPrimitives).</summary>
internal static class VectorMath
{
    /// <summary>Writes <paramref name="source"/> scaled to unit length into <paramref name="destination"/>.</summary>
    public static void NormalizeInto(ReadOnlySpan<float> source, Span<float> destination, int expectedDimension)
    {
        if (source.Length != expectedDimension) throw new VectorDimensionMismatchException(expectedDimension, source.Length);
        float norm = TensorPrimitives.Norm(source);
        if (!(norm > 0) || !float.IsFinite(norm))
            throw new InvalidVectorException($"Vector of {source.Length} dimensions has norm {norm}: it must be non-zero and finite.");
        TensorPrimitives.Divide(source, norm, destination);
    }
}
