using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPOutput</c> as the training forward returns it: the logits and embeddings of
/// <see cref="XClipOutput"/> plus the optional loss. The tensors keep their autograd graph when the caller had grad
/// enabled; the caller disposes this object, which disposes every tensor it holds.</summary>
public sealed class XClipForwardOutput : IDisposable
{
    internal XClipForwardOutput(Tensor? loss, Tensor logitsPerVideo, Tensor logitsPerText, Tensor textEmbeds, Tensor videoEmbeds)
    {
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

    /// <summary>Disposes every tensor held.</summary>
    public void Dispose()
    {
        Loss?.Dispose();
        LogitsPerVideo.Dispose();
        LogitsPerText.Dispose();
        TextEmbeds.Dispose();
        VideoEmbeds.Dispose();
    }
}
