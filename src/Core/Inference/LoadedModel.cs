using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Core.Inference;

/// <summary>The host's model, loaded: where it came from, its identity, the network and its preprocessing.</summary>
/// <param name="Resolved">The local folder and its hub origin.</param>
/// <param name="ModelId">The id the catalog records (hub id, or the folder's full path).</param>
/// <param name="Revision">The revision the catalog records (hub commit, or a hash of a folder's config and checkpoint layout).</param>
/// <param name="Inference">The loaded network and tokenizer (owned by the process's <see cref="XClipInferenceCache"/>).</param>
/// <param name="Preprocessor">The model's frame preprocessing.</param>
/// <param name="Precision">The precision asked for and the one it runs in (also <see cref="XClipInference.Precision"/>), with the reason.</param>
public sealed record LoadedModel(ResolvedModel Resolved, string ModelId, string Revision, XClipInference Inference,
    PreprocessorConfig Preprocessor, PrecisionChoice Precision)
{
    /// <summary>What the catalog records about vectors made by this model.</summary>
    public ModelState State => new(ModelId, Revision, Inference.ProjectionDim, Inference.ContextPatches, Inference.ProjectionDim);
}
