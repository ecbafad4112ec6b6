using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPMLP</c>: fc1, activation, fc2.</summary>
internal sealed class XClipMlp : nn.Module<Tensor, Tensor>
{
    private readonly XClipActivation activation_fn;
    private readonly XClipLinear fc1;
    private readonly XClipLinear fc2;

    public XClipMlp(XClipEncoderSpec config, Device? device = null) : base(nameof(XClipMlp))
    {
        config.Validate();
        activation_fn = new XClipActivation(config.HiddenAct);
        fc1 = new XClipLinear(config.HiddenSize, config.IntermediateSize, hasBias: true, device: device);
        fc2 = new XClipLinear(config.IntermediateSize, config.HiddenSize, hasBias: true, device: device);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates)
    {
        using var scope = NewDisposeScope();
        return fc2.forward(activation_fn.forward(fc1.forward(hiddenStates))).MoveToOuterDisposeScope();
    }
}
