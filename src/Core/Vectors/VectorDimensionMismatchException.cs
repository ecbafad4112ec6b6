using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Vectors;

/// <summary>A vector or query does not have the index's dimension.</summary>
public sealed class VectorDimensionMismatchException(int expected, int actual)
    : VideoSearchException(ErrorKind.InvalidInput, $"Vector has {actual} dimensions; the index holds {expected}-dimensional vectors.")
{
    /// <summary>The index's dimension.</summary>
    public int Expected { get; } = expected;

    /// <summary>The length that was passed.</summary>
    public int Actual { get; } = actual;
}
