using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>The entry of Hugging Face <c>ACT2FN</c> an X-CLIP config names: <c>QuickGELUActivation</c> or <c>GELUActivation</c>.</summary>
internal sealed class XClipActivation : nn.Module<Tensor, Tensor>
{
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
        using var scope = NewDisposeScope();
        // quick_gelu(x) = x * sigmoid(1.702 x)
        return (x * torch.sigmoid(x * 1.702)).MoveToOuterDisposeScope();
    }
}
