using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Inspection;

/// <summary>What <c>videosearch model info</c> reports about a model: its architecture, its size and where it came from.</summary>
/// <param name="Resolved">The folder the model was found in, and how.</param>
/// <param name="Config">The parsed <c>config.json</c>.</param>
/// <param name="TensorCount">Tensors in <c>model.safetensors</c>.</param>
/// <param name="ParameterCount">Elements in all those tensors.</param>
/// <param name="DTypes">Tensor count per stored dtype (e.g. F32).</param>
/// <param name="Files">The model folder's files with their sizes in bytes.</param>
public sealed record ModelSummary(
    ResolvedModel Resolved,
    XClipConfig Config,
    int TensorCount,
    long ParameterCount,
    IReadOnlyDictionary<string, int> DTypes,
    IReadOnlyList<(string Name, long Bytes)> Files);
