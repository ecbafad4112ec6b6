using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPOutput</c> (without loss and tower outputs). The caller disposes it.</summary>
/// <param name="LogitsPerVideo">(videos, texts) = exp(logit_scale) * cosine(video_embeds[b], text_embeds[b, k]).</param>
/// <param name="LogitsPerText">(texts, videos), the transpose of <paramref name="LogitsPerVideo"/>.</param>
/// <param name="TextEmbeds">(videos, texts, P): per-video prompted text embeddings, L2-normalised.</param>
/// <param name="VideoEmbeds">(videos, P): MIT pooled video features, L2-normalised.</param>
public sealed record XClipOutput(Tensor LogitsPerVideo, Tensor LogitsPerText, Tensor TextEmbeds, Tensor VideoEmbeds) : IDisposable
{
    /// <summary>Disposes the four tensors.</summary>
    public void Dispose()
    {
        LogitsPerVideo.Dispose();
        LogitsPerText.Dispose();
        TextEmbeds.Dispose();
        VideoEmbeds.Dispose();
    }
}
