namespace VideoSearch.Core.Model;

/// <summary>The dtype the X-CLIP towers' linear layers compute in (see <see cref="XClipLinear"/>); LayerNorm, softmax
/// and the residual stream are fp32 in both.</summary>
public enum XClipPrecision
{
    /// <summary>Full single precision: the reference, and the fast choice on CPUs without bf16 matmul units.</summary>
    Fp32,

    /// <summary>bfloat16 matmuls with fp32 accumulation and fp32 everywhere else (autocast style); fast on AMX or
    /// AVX-512 BF16, emulated and slow elsewhere.</summary>
    Bf16,
}
