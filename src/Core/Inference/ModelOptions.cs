namespace VideoSearch.Core.Inference;

/// <summary>Which model a host runs (section <c>Model</c>; the command line's <c>--model</c> overrides it).</summary>
public sealed class ModelOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Model";

    /// <summary>
    /// A model folder or a hub id (<c>org/name[@revision]</c>); null means the library's own model, or
    /// <see cref="Hub.ModelLocator.DefaultModel"/> for a library that has none yet.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>
    /// True for a host that indexes: a <see cref="Model"/> other than the library's is adopted (the indexer then
    /// re-embeds every video). False for a host that only reads: another model is refused, since the library's vectors
    /// would mean nothing to it.
    /// </summary>
    public bool AllowModelChange { get; set; }

    /// <summary>
    /// <c>auto</c> (the default: bf16 where the CPU has AMX-BF16 or AVX-512 BF16, else fp32), <c>bf16</c> or <c>fp32</c>:
    /// the precision of the model's matmuls (see <see cref="PrecisionChoice"/>). Vectors stay fp32 either way, so a
    /// library indexed in one precision is searched correctly in the other.
    /// </summary>
    public string Precision { get; set; } = "auto";

    /// <summary>
    /// How the text tower's weights are held for queries (<see cref="VideoSearch.Core.Model.XClipQueryWeights"/>): <c>Int8</c> (the default)
    /// reads a quarter of the bytes per query through <see cref="Kernels.SmallBatchLinear"/>, with text features at
    /// cosine &gt;= 0.995 to fp32 (tested; measured &gt;= 0.9998); <c>Fp32</c> is the reference. Only queries (at most 16
    /// tokens' rows per call) take the int8 path; longer inputs, the vision tower and the scorer are unaffected.
    /// </summary>
    public VideoSearch.Core.Model.XClipQueryWeights QueryWeights { get; set; } = VideoSearch.Core.Model.XClipQueryWeights.Int8;
}
