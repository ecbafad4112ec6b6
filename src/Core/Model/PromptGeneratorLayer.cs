using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>PromptGeneratorLayer</c>: cross-attention to the visual context and an MLP, pre-LN with
/// residuals. The MLP is a Sequential (Linear, act, Dropout, Linear) so its keys are <c>mlp.0</c> and <c>mlp.3</c>.</summary>
internal sealed class PromptGeneratorLayer : nn.Module
{
    private readonly XClipCrossAttention cross_attn;
    private readonly LayerNorm norm1;
    private readonly LayerNorm norm3;
    private readonly Sequential mlp;

    public PromptGeneratorLayer(XClipConfig config, Device? device = null) : base(nameof(PromptGeneratorLayer))
    {
        int dim = config.ProjectionDim;
        XClipConfigChecks.Positive("projection_dim", dim);
        XClipConfigChecks.Epsilon("text_config.layer_norm_eps", config.TextConfig.LayerNormEps);
        cross_attn = new XClipCrossAttention(config, device);
        // norm1/norm3 take the TEXT tower's epsilon upstream.
        norm1 = nn.LayerNorm(dim, eps: config.TextConfig.LayerNormEps, device: device);
        norm3 = nn.LayerNorm(dim, eps: config.TextConfig.LayerNormEps, device: device);
        mlp = nn.Sequential(
            ("0", new XClipLinear(dim, dim * 4, hasBias: true, device: device)),
            ("1", new XClipActivation(config.PromptHiddenAct)),
            ("2", nn.Dropout(config.PromptAttentionDropout)),
            ("3", new XClipLinear(dim * 4, dim, hasBias: true, device: device)));
        RegisterComponents();
    }

    /// <summary>text (b, t, P), visual (b, n, P) -> (b, t, P).</summary>
    public Tensor forward(Tensor text, Tensor visual)
    {
        using var scope = NewDisposeScope();
        var x = text + cross_attn.forward(norm1.forward(text), visual, visual);
        x = x + mlp.forward(norm3.forward(x));
        return x.MoveToOuterDisposeScope();
    }
}
