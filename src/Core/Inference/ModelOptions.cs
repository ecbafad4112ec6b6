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
}
