using TorchSharp;
using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Draws the starting weights of a model trained from scratch (<c>videosearch train --from-scratch</c>). The
/// constructors already give linear layers PyTorch's own initialisation and LayerNorms ones and zeros; what they leave
/// at N(0, 1) are the embeddings and the bare projection parameters, which CLIP initialises far smaller (its
/// <c>_init_weights</c>: token and position embeddings N(0, 0.02²), the class embedding and the projections
/// N(0, width⁻¹), the patch embedding N(0, 0.02²), the MIT's frame positions N(0, 1)); the patch positions are drawn larger
/// (N(0, 0.2²)), see below. Unit-scale embeddings would start every token far larger than
/// the residual stream's updates and slow the first epochs. The draws come from the global torch generator, which the
/// trainer seeds, so a seed gives the same start.
/// </summary>
public static class ScratchInitializer
{
    /// <summary>Re-draws the parameters named above in place.</summary>
    public static void Initialize(XClipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        double text = model.Config.TextConfig.HiddenSize, vision = model.Config.VisionConfig.HiddenSize;
        double range = 0.02;
        var stds = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["text_model.embeddings.token_embedding.weight"] = range,
            ["text_model.embeddings.position_embedding.weight"] = range,
            ["vision_model.embeddings.class_embedding"] = Math.Pow(vision, -0.5),
            ["vision_model.embeddings.patch_embedding.weight"] = range,
            // Ten times CLIP's: a frame's features must say where the shape is before motion can be read from them, and at
            // 0.02 the patch positions are a few percent of each token, so early training settles on where-blind features.
            ["vision_model.embeddings.position_embedding.weight"] = 0.2,
            // Upstream draws the MIT's frame positions at unit scale: they are the only thing that tells the MIT which
            // frame came first, so at CLIP's 0.02 a moving shape looks the same played backwards (left = right,
            // growing = shrinking) and training barely separates them.
            ["mit.position_embedding"] = 1.0,
            ["text_projection.weight"] = Math.Pow(text, -0.5),
            ["visual_projection.weight"] = Math.Pow(vision, -0.5),
            ["prompts_visual_projection"] = Math.Pow(vision, -0.5),
        };
        using var noGrad = torch.no_grad();
        foreach (var (name, parameter) in model.named_parameters())
            if (stds.TryGetValue(name, out double std)) nn.init.normal_(parameter, 0, std);
    }
}
