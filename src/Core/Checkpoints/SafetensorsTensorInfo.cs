namespace VideoSearch.Core.Checkpoints;

/// <summary>One header entry of a safetensors file.</summary>
/// <param name="Name">The tensor name (state-dict key).</param>
/// <param name="DType">The element type.</param>
/// <param name="Shape">The dimensions (empty for a scalar).</param>
/// <param name="Begin">Start of the data, relative to the end of the header.</param>
/// <param name="End">End (exclusive) of the data, relative to the end of the header.</param>
public sealed record SafetensorsTensorInfo(string Name, SafetensorsDType DType, long[] Shape, long Begin, long End)
{
    /// <summary>Number of elements.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Bytes per element of <paramref name="dtype"/>.</summary>
    public static int ElementSize(SafetensorsDType dtype) => dtype switch
    {
        SafetensorsDType.F64 or SafetensorsDType.I64 => 8,
        SafetensorsDType.F32 or SafetensorsDType.I32 => 4,
        SafetensorsDType.F16 or SafetensorsDType.BF16 or SafetensorsDType.I16 => 2,
        _ => 1,
    };
}
