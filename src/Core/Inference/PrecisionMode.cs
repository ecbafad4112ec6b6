namespace VideoSearch.Core.Inference;

/// <summary>The precision asked for (<c>Model:Precision</c>, <c>--precision</c>): <see cref="PrecisionChoice"/> resolves it.</summary>
public enum PrecisionMode
{
    /// <summary>bf16 where the CPU runs it in hardware (<see cref="Native.CpuFeatures.HasFastBf16"/>), else fp32.</summary>
    Auto,

    /// <summary>bf16 matmuls whatever the CPU (emulated, and slower than fp32, without AMX or AVX-512 BF16).</summary>
    Bf16,

    /// <summary>Full fp32, the reference numbers.</summary>
    Fp32,
}
