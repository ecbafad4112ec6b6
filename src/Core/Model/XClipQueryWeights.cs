namespace VideoSearch.Core.Model;

/// <summary>How the text tower's linear layers are held for queries (a few token rows per call); see
/// <see cref="XClipQueryLinears.UseQueryWeights"/>. The vision tower, MIT and prompt generator are never affected.</summary>
public enum XClipQueryWeights
{
    /// <summary>The checkpoint's weights through libtorch: the reference, and what parity tests use.</summary>
    Fp32,

    /// <summary>An int8 per-output-channel copy read by <see cref="Kernels.SmallBatchLinear"/> for inputs of at most 16
    /// rows: a quarter of the bytes per query; text features keep cosine &gt;= 0.995 to fp32
    /// (tested; measured &gt;= 0.9998 on the full-size architecture and the reference kits).</summary>
    Int8,
}
