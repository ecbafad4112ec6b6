using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPVisionEncoder</c>: a stack of <see cref="XClipVisionEncoderLayer"/>.</summary>
internal sealed class XClipVisionEncoder : nn.Module
{
    private readonly ModuleList<XClipVisionEncoderLayer> layers;

    public XClipVisionEncoder(XClipVisionConfig config, Device? device = null) : base(nameof(XClipVisionEncoder))
    {
        config.Validate();
        layers = new ModuleList<XClipVisionEncoderLayer>(
            Enumerable.Range(0, config.NumHiddenLayers).Select(_ => new XClipVisionEncoderLayer(config, device)).ToArray());
        RegisterComponents();
    }

    /// <summary>Runs every layer; with a trace, records <c>vision_model.hidden_states.i</c>; <paramref name="states"/> keeps
    /// the same tensors (and each layer's self-attention probabilities) for the caller.</summary>
    public Tensor forward(Tensor inputsEmbeds, XClipTrace? trace = null, XClipEncoderStates? states = null)
    {
        using var scope = NewDisposeScope();
        var x = inputsEmbeds;
        trace?.Record("vision_model.hidden_states.0", x);
        states?.AddHiddenState(x);
        for (int i = 0; i < layers.Count; i++)
        {
            x = layers[i].forward(x, states);
            trace?.Record($"vision_model.hidden_states.{i + 1}", x);
            states?.AddHiddenState(x);
        }
        return x.MoveToOuterDisposeScope();
    }
}
