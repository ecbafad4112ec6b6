using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>The entry of Hugging Face <c>ACT2FN</c> an X-CLIP config names: <c>QuickGELUActivation</c> or <c>GELUActivation</c>.</summary>
internal sealed class XClipActivation : nn.Module<Tensor, Tensor>
{
    private static readonly Scalar QuickGeluScale = 1.702;
    private readonly bool quick;

    public XClipActivation(string name) : base(nameof(XClipActivation))
    {
        XClipConfigChecks.Activation("activation", name);
        quick = name == "quick_gelu";
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        if (!quick) return nn.functional.gelu(x);
        // quick_gelu(x) = x * sigmoid(1.702 x). Float multiplication commutes, so sigmoid(1.702 x) * x is bit-identical
        // to the upstream x * sigmoid(1.702 x) on both paths below.
        if (x.requires_grad)
        {
            // Autograd saves the sigmoid output for the backward pass, so it must not be overwritten in place.
            using var scope = NewDisposeScope();
            return (torch.sigmoid(x.mul(QuickGeluScale)) * x).MoveToOuterDisposeScope();
        }
        // Without a graph, one buffer: the MLP's widest activation is not copied twice.
        Tensor gate = x.mul(QuickGeluScale);
        return gate.sigmoid_().mul_(x);
    }
}
