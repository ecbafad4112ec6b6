using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPTextTransformer</c>: embeddings, causal encoder, final layer norm, EOS pooling.</summary>
internal sealed class XClipTextTransformer : nn.Module
{
    private readonly XClipTextEmbeddings embeddings;
    private readonly XClipEncoder encoder;
    private readonly LayerNorm final_layer_norm;

    public XClipTextTransformer(XClipTextConfig config, Device? device = null) : base(nameof(XClipTextTransformer))
    {
        config.Validate();
        embeddings = new XClipTextEmbeddings(config, device);
        encoder = new XClipEncoder(XClipEncoderSpec.Text(config), device);
        final_layer_norm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps, device: device);
        RegisterComponents();
    }

    /// <summary><paramref name="inputIds"/> (n, L) int64, <paramref name="attentionMask"/> (n, L) with 1 for real tokens;
    /// <paramref name="states"/> keeps upstream's hidden_states (embeddings, then each layer, before final_layer_norm) and
    /// attentions (n, heads, L, L) when asked.</summary>
    public XClipPooledOutput forward(Tensor inputIds, Tensor? attentionMask, XClipTrace? trace = null, XClipEncoderStates? states = null)
    {
        if (inputIds.dim() != 2 || inputIds.shape[1] == 0)
            throw new XClipInputException($"input_ids must be (texts, length) with length >= 1, got [{string.Join(", ", inputIds.shape)}].");
        if (attentionMask is not null && !attentionMask.shape.SequenceEqual(inputIds.shape))
            throw new XClipInputException(
                $"attention_mask shape [{string.Join(", ", attentionMask.shape)}] differs from input_ids [{string.Join(", ", inputIds.shape)}].");
        using var scope = NewDisposeScope();
        long n = inputIds.shape[0], length = inputIds.shape[1];
        var ids = inputIds.to(ScalarType.Int64);
        var hidden = embeddings.forward(ids); // (n, L, d)
        var dtype = hidden.dtype;
        double min = MinValue(dtype);
        // Additive masks as upstream builds them: finfo.min above the diagonal, finfo.min on padded keys.
        var mask = torch.full(length, length, min, dtype: dtype, device: hidden.device).triu(1).view(1, 1, length, length);
        if (attentionMask is not null)
        {
            var padding = (1.0 - attentionMask.to(dtype)).mul(min).view(n, 1, 1, length); // (n, L) -> (n, 1, 1, L)
            mask = mask + padding; // (n, 1, L, L)
        }
        var last = encoder.forward(hidden, mask, trace, "text_model.", states);
        last = final_layer_norm.forward(last);
        // Pool at the FIRST largest id per row (EOS has the largest id in CLIP's vocabulary; padding may repeat it).
        var eos = ids.argmax(-1); // (n)
        var pooled = last[torch.arange(n, device: last.device), eos]; // (n, d)
        trace?.Record("text_model.last_hidden_state", last);
        trace?.Record("text_model.pooler_output", pooled);
        return new XClipPooledOutput(last.MoveToOuterDisposeScope(), pooled.MoveToOuterDisposeScope());
    }

    private static double MinValue(ScalarType dtype) => dtype switch
    {
        ScalarType.Float16 => -65504.0,
        ScalarType.BFloat16 => -3.3895313892515355e38,
        ScalarType.Float64 => double.MinValue,
        _ => float.MinValue,
    };
}
