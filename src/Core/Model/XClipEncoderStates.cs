using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>The optional tuples of Hugging Face <c>BaseModelOutput</c> for one transformer stack (text tower, vision
/// tower or MIT): <c>hidden_states</c> (the stack's input, then one entry per layer) and <c>attentions</c> (one
/// softmax-probability tensor per layer, before dropout). A list is empty unless its output was asked for. The tensors
/// share storage and autograd graph with the forward; disposing this object disposes them.</summary>
public sealed class XClipEncoderStates : IDisposable
{
    private readonly List<Tensor>? hiddenStates;
    private readonly List<Tensor>? attentions;

    internal XClipEncoderStates(bool keepHiddenStates, bool keepAttentions)
    {
        hiddenStates = keepHiddenStates ? [] : null;
        attentions = keepAttentions ? [] : null;
    }

    /// <summary>Upstream <c>hidden_states</c>: 1 + layers tensors, the first the encoder's input.</summary>
    public IReadOnlyList<Tensor> HiddenStates => hiddenStates ?? (IReadOnlyList<Tensor>)[];

    /// <summary>Upstream <c>attentions</c>: one (batch, heads, queries, keys) tensor per layer.</summary>
    public IReadOnlyList<Tensor> Attentions => attentions ?? (IReadOnlyList<Tensor>)[];

    /// <summary>Keeps a handle on <paramref name="hidden"/> (same storage and graph) that no dispose scope owns.</summary>
    internal void AddHiddenState(Tensor hidden) => hiddenStates?.Add(hidden.alias().DetachFromDisposeScope());

    /// <summary>Keeps a handle on <paramref name="probabilities"/> when attentions were asked for.</summary>
    internal void AddAttention(Tensor probabilities) => attentions?.Add(probabilities.alias().DetachFromDisposeScope());

    /// <summary>Disposes every kept tensor.</summary>
    public void Dispose()
    {
        foreach (var t in HiddenStates) t.Dispose();
        foreach (var t in Attentions) t.Dispose();
        hiddenStates?.Clear();
        attentions?.Clear();
    }
}
