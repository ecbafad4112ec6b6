using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPTextModel</c>: the text tower alone, state-dict keys under <c>text_model.</c>.</summary>
public sealed class XClipTextModel : nn.Module
{
    private readonly XClipTextTransformer text_model;

    /// <summary>Builds the tower for <paramref name="config"/> on <paramref name="device"/> (CPU when null).</summary>
    public XClipTextModel(XClipTextConfig config, Device? device = null) : base(nameof(XClipTextModel))
    {
        config.Validate();
        text_model = new XClipTextTransformer(config, device);
        RegisterComponents();
    }

    /// <summary>Token ids (n, L) int64 with L &lt;= max_position_embeddings and a (n, L) mask (1 = token, 0 = padding) ->
    /// last_hidden_state (n, L, d) and pooler_output (n, d). The caller disposes the result.</summary>
    public XClipPooledOutput forward(Tensor inputIds, Tensor? attentionMask = null)
    {
        using var noGrad = torch.no_grad();
        return text_model.forward(inputIds, attentionMask);
    }
}
