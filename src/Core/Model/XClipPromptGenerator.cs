using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPPromptGenerator</c> (the original VideoSpecificPrompt): text features attend to a
/// video's patch context through <c>prompt_layers</c> decoder layers; the result is scaled per channel by <c>alpha</c>.</summary>
internal sealed class XClipPromptGenerator : nn.Module
{
    private readonly LayerNorm layernorm;
    private readonly ModuleList<PromptGeneratorLayer> decoder;
    private readonly Parameter alpha;

    public XClipPromptGenerator(XClipConfig config, Device? device = null) : base(nameof(XClipPromptGenerator))
    {
        XClipConfigChecks.Positive("prompt_layers", config.PromptLayers);
        int dim = config.ProjectionDim;
        // The visual layer norm takes the VISION tower's epsilon upstream.
        layernorm = nn.LayerNorm(dim, eps: config.VisionConfig.LayerNormEps, device: device);
        decoder = new ModuleList<PromptGeneratorLayer>(
            Enumerable.Range(0, config.PromptLayers).Select(_ => new PromptGeneratorLayer(config, device)).ToArray());
        alpha = new Parameter(torch.full(dim, config.PromptAlpha, device: device));
        RegisterComponents();
    }

    /// <summary>text (b, t, P), visual context (b, n, P) -> prompt (b, t, P) = alpha * decoder(text).</summary>
    public Tensor forward(Tensor text, Tensor visual)
    {
        using var scope = NewDisposeScope();
        var v = layernorm.forward(visual);
        var x = text;
        foreach (var layer in decoder) x = layer.forward(x, v);
        return (alpha * x).MoveToOuterDisposeScope();
    }
}
