using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>BaseModelOutputWithPooling</c> (without the optional tuples) for one tower.</summary>
/// <param name="LastHiddenState">Final hidden states: text (n, L, d) after final_layer_norm; vision (b*f, 1+patches, d) without post-layernorm.</param>
/// <param name="PoolerOutput">Text: state at the first largest token id (n, d); vision: post_layernorm of the CLS state (b*f, d).</param>
public sealed record XClipPooledOutput(Tensor LastHiddenState, Tensor PoolerOutput) : IDisposable
{
    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        LastHiddenState.Dispose();
        PoolerOutput.Dispose();
    }
}
