using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPVisionTransformer</c> (the original CrossFrameCommunicationTransformer).</summary>
internal sealed class XClipVisionTransformer : nn.Module
{
    private readonly XClipVisionEmbeddings embeddings;
    private readonly LayerNorm pre_layernorm;
    private readonly XClipVisionEncoder encoder;
    private readonly LayerNorm post_layernorm;
    private readonly int num_frames;

    public XClipVisionTransformer(XClipVisionConfig config, Device? device = null) : base(nameof(XClipVisionTransformer))
    {
        config.Validate();
        num_frames = config.NumFrames;
        embeddings = new XClipVisionEmbeddings(config, device);
        pre_layernorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps, device: device);
        encoder = new XClipVisionEncoder(config, device);
        post_layernorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps, device: device);
        RegisterComponents();
    }

    /// <summary>(b*f, c, h, w), frames of one video contiguous -> last_hidden_state (b*f, 1+patches, d) without
    /// post-layernorm and pooler_output = post_layernorm(CLS) (b*f, d). <paramref name="states"/> keeps upstream's
    /// hidden_states (pre_layernorm output, then each layer) and attentions when asked.</summary>
    public XClipPooledOutput forward(Tensor pixelValues, XClipTrace? trace = null, XClipEncoderStates? states = null)
    {
        if (pixelValues.dim() != 4 || pixelValues.shape[0] == 0 || pixelValues.shape[0] % num_frames != 0)
            throw new XClipInputException(
                $"pixel_values must be (videos*{num_frames}, channels, height, width) with vision_config.num_frames = {num_frames} frames per video, got [{string.Join(", ", pixelValues.shape)}].");
        using var scope = NewDisposeScope();
        var hidden = embeddings.forward(pixelValues);
        trace?.Record("vision_model.embeddings_output", hidden);
        hidden = pre_layernorm.forward(hidden);
        var last = encoder.forward(hidden, trace, states);
        var pooled = post_layernorm.forward(last[.., 0, ..]); // (b*f, 1+p, d) -> (b*f, d)
        trace?.Record("vision_model.last_hidden_state", last);
        trace?.Record("vision_model.pooler_output", pooled);
        return new XClipPooledOutput(last.MoveToOuterDisposeScope(), pooled.MoveToOuterDisposeScope());
    }
}
