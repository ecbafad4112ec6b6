using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>One vision pass over a batch of videos: what retrieval and re-ranking need. The caller disposes it.</summary>
/// <param name="VideoFeatures">(videos, P): <c>get_video_features</c>, the MIT pooled output, NOT normalised.</param>
/// <param name="Context">(videos, patches, P): the prompt generator's visual input (upstream <c>img_features</c>).</param>
public sealed record XClipVideoEncoding(Tensor VideoFeatures, Tensor Context) : IDisposable
{
    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        VideoFeatures.Dispose();
        Context.Dispose();
    }
}
