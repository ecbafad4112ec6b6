using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPVisionModel</c>: the vision tower alone, state-dict keys under <c>vision_model.</c>.</summary>
public sealed class XClipVisionModel : nn.Module
{
    private readonly XClipVisionTransformer vision_model;

    /// <summary>Builds the tower for <paramref name="config"/> on <paramref name="device"/> (CPU when null).</summary>
    public XClipVisionModel(XClipVisionConfig config, Device? device = null) : base(nameof(XClipVisionModel))
    {
        config.Validate();
        vision_model = new XClipVisionTransformer(config, device);
        RegisterComponents();
    }

    /// <summary>Frames (videos*num_frames, 3, H, W), the frames of one video contiguous -> last_hidden_state
    /// (videos*num_frames, 1+patches, d) and pooler_output (videos*num_frames, d). The caller disposes the result.</summary>
    public XClipPooledOutput forward(Tensor pixelValues)
    {
        using var noGrad = torch.no_grad();
        return vision_model.forward(pixelValues);
    }
}
