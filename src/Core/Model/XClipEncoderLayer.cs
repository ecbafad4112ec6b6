using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPEncoderLayer</c>: pre-LN self-attention and MLP, each with a residual.</summary>
internal sealed class XClipEncoderLayer : nn.Module
{
    private readonly XClipAttention self_attn;
    private readonly LayerNorm layer_norm1;
    private readonly XClipMlp mlp;
    private readonly LayerNorm layer_norm2;

    public XClipEncoderLayer(XClipEncoderSpec config, Device? device = null) : base(nameof(XClipEncoderLayer))
    {
        config.Validate();
        self_attn = new XClipAttention(config, device);
        layer_norm1 = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps, device: device);
        mlp = new XClipMlp(config, device);
        layer_norm2 = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps, device: device);
        RegisterComponents();
    }

    public Tensor forward(Tensor hiddenStates, Tensor? additiveMask, XClipEncoderStates? states = null)
    {
        using var scope = NewDisposeScope();
        var x = hiddenStates + self_attn.forward(layer_norm1.forward(hiddenStates), additiveMask, states);
        x = x + mlp.forward(layer_norm2.forward(x));
        return x.MoveToOuterDisposeScope();
    }
}
