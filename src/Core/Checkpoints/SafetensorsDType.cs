namespace VideoSearch.Core.Checkpoints;

/// <summary>Element types of the safetensors format, spelled as in its header.</summary>
public enum SafetensorsDType
{
    /// <summary>IEEE float64.</summary>
    F64,
    /// <summary>IEEE float32.</summary>
    F32,
    /// <summary>IEEE float16.</summary>
    F16,
    /// <summary>bfloat16.</summary>
    BF16,
    /// <summary>int64.</summary>
    I64,
    /// <summary>int32.</summary>
    I32,
    /// <summary>int16.</summary>
    I16,
    /// <summary>int8.</summary>
    I8,
    /// <summary>uint8.</summary>
    U8,
    /// <summary>bool, one byte.</summary>
    BOOL,
}
