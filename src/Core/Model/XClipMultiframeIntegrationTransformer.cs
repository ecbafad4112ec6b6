using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPMultiframeIntegrationTransformer</c>: temporal position embedding, encoder, a
/// residual around the whole encoder (without the position embedding) and the mean over frames.</summary>
internal sealed class XClipMultiframeIntegrationTransformer : nn.Module
{
    private readonly Parameter position_embedding;
    private readonly XClipEncoder encoder;
    private readonly int num_frames;

    public XClipMultiframeIntegrationTransformer(XClipVisionConfig config, Device? device = null)
        : base(nameof(XClipMultiframeIntegrationTransformer))
    {
        config.Validate();
        num_frames = config.NumFrames;
        position_embedding = new Parameter(torch.zeros(1, config.NumFrames, config.MitHiddenSize, device: device));
        encoder = new XClipEncoder(XClipEncoderSpec.Mit(config), device);
        RegisterComponents();
    }

    /// <summary>cls_features (b, f, P) -> last_hidden_state (b, f, P) and pooler_output (b, P). <paramref name="states"/>
    /// keeps upstream's hidden_states (position-embedded input, then each layer, before the residual) and attentions
    /// (b, heads, f, f) when asked.</summary>
    public XClipPooledOutput forward(Tensor clsFeatures, XClipTrace? trace = null, XClipEncoderStates? states = null)
    {
        if (clsFeatures.dim() != 3 || clsFeatures.shape[1] != num_frames)
            throw new XClipInputException(
                $"MIT input must be (videos, {num_frames}, dim), got [{string.Join(", ", clsFeatures.shape)}].");
        using var scope = NewDisposeScope();
        var x = clsFeatures + position_embedding;
        var last = encoder.forward(x, null, null, "", states) + clsFeatures;
        var pooled = last.mean([1]); // (b, f, P) -> (b, P)
        trace?.Record("mit.last_hidden_state", last);
        trace?.Record("mit.pooler_output", pooled);
        return new XClipPooledOutput(last.MoveToOuterDisposeScope(), pooled.MoveToOuterDisposeScope());
    }
}
