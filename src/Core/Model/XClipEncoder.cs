using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPEncoder</c>: a stack of <see cref="XClipEncoderLayer"/> (text tower and MIT).</summary>
internal sealed class XClipEncoder : nn.Module
{
    private readonly ModuleList<XClipEncoderLayer> layers;

    public XClipEncoder(XClipEncoderSpec config, Device? device = null) : base(nameof(XClipEncoder))
    {
        config.Validate();
        layers = new ModuleList<XClipEncoderLayer>(
            Enumerable.Range(0, config.NumHiddenLayers).Select(_ => new XClipEncoderLayer(config, device)).ToArray());
        RegisterComponents();
    }

    /// <summary>Runs every layer; with a trace, records <c>{tracePrefix}hidden_states.i</c> as upstream's hidden_states tuple;
    /// <paramref name="states"/> keeps the same tensors (and the attentions) for the caller.</summary>
    public Tensor forward(Tensor inputsEmbeds, Tensor? additiveMask, XClipTrace? trace = null, string tracePrefix = "",
        XClipEncoderStates? states = null)
    {
        using var scope = NewDisposeScope();
        var x = inputsEmbeds;
        trace?.Record($"{tracePrefix}hidden_states.0", x);
        states?.AddHiddenState(x);
        for (int i = 0; i < layers.Count; i++)
        {
            x = layers[i].forward(x, additiveMask, states);
            trace?.Record($"{tracePrefix}hidden_states.{i + 1}", x);
            states?.AddHiddenState(x);
        }
        return (ReferenceEquals(x, inputsEmbeds) ? x.alias() : x).MoveToOuterDisposeScope();
    }
}
