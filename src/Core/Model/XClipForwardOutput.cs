using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPOutput</c> as the training forward returns it: the logits and embeddings of
/// <see cref="XClipOutput"/> plus the optional loss and the optional hidden states and attentions of the three stacks
/// (upstream's text_model_output, vision_model_output and mit_output tuples). The tensors keep their autograd graph when the caller had grad
/// enabled; the caller disposes this object, which disposes every tensor it holds.</summary>
public sealed class XClipForwardOutput : IDisposable
{
    internal XClipForwardOutput(Tensor? loss, Tensor logitsPerVideo, Tensor logitsPerText, Tensor textEmbeds, Tensor videoEmbeds,
        XClipTowerStates towers)
    {
        TextStates = towers.Text;
        VisionStates = towers.Vision;
        MitStates = towers.Mit;
        Loss = loss;
        LogitsPerVideo = logitsPerVideo;
        LogitsPerText = logitsPerText;
        TextEmbeds = textEmbeds;
        VideoEmbeds = videoEmbeds;
    }

    /// <summary>Scalar contrastive loss (upstream <c>x_clip_loss(logits_per_text)</c>); null unless
    /// <see cref="XClipForwardOptions.ReturnLoss"/>.</summary>
    public Tensor? Loss { get; }

    /// <summary>(videos, texts) = exp(logit_scale) * cosine(video_embeds[b], text_embeds[b, k]).</summary>
    public Tensor LogitsPerVideo { get; }

    /// <summary>(texts, videos), the transpose of <see cref="LogitsPerVideo"/>.</summary>
    public Tensor LogitsPerText { get; }

    /// <summary>(videos, texts, P): per-video prompted text embeddings, L2-normalised.</summary>
    public Tensor TextEmbeds { get; }

    /// <summary>(videos, P): MIT pooled video features, L2-normalised.</summary>
    public Tensor VideoEmbeds { get; }

    /// <summary>Text tower: hidden_states 1 + text layers of (texts, L, d_text), the embeddings first and the last before
    /// final_layer_norm; attentions one (texts, heads, L, L) per layer.</summary>
    public XClipEncoderStates TextStates { get; }

    /// <summary>Vision tower: hidden_states 1 + vision layers of (videos*frames, 1 + patches, d_vision), the pre_layernorm
    /// output first; attentions one (videos*frames, heads, 2 + patches, 2 + patches) per layer (the message token included).</summary>
    public XClipEncoderStates VisionStates { get; }

    /// <summary>MIT: hidden_states 1 + MIT layers of (videos, frames, P), the position-embedded input first and the last
    /// before the residual; attentions one (videos, MIT heads, frames, frames) per layer.</summary>
    public XClipEncoderStates MitStates { get; }

    /// <summary>Disposes every tensor held.</summary>
    public void Dispose()
    {
        TextStates.Dispose();
        VisionStates.Dispose();
        MitStates.Dispose();
        Loss?.Dispose();
        LogitsPerVideo.Dispose();
        LogitsPerText.Dispose();
        TextEmbeds.Dispose();
        VideoEmbeds.Dispose();
    }
}
