using TorchSharp;
using VideoSearch.Core.Model;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace VideoSearch.Core.Inference;

/// <summary>
/// X-CLIP's re-ranking logits (prompt generator + scaled cosine, as <see cref="XClipModel.GetLogitsWithContexts"/>)
/// computed with the cross-attention regrouped for one short text against many clips. Upstream projects every
/// context row through k_proj and v_proj (2 x clips x patches x P x P multiply-adds per layer, 95% of re-ranking);
/// since those projections have no bias, q . (W_k c) = (W_k^T q) . c and sum_j a_j (W_v c_j) = W_v (sum_j a_j c_j),
/// so here the query is projected into context space instead and the context is only read twice per head: the same
/// function, about 25x fewer operations at P = 512. Hand-written because no library offers this regrouping; the
/// re-ranking tests hold it to <see cref="XClipModel.Forward(Tensor, Tensor, Tensor)"/> within float32 rounding.
/// </summary>
internal sealed class FusedPromptScorer : IDisposable
{
    private readonly Tensor _logitScale;
    private readonly Tensor _alpha;
    private readonly Tensor _visualNormWeight, _visualNormBias;
    private readonly Layer[] _layers;
    private readonly double _visualEps, _textEps, _scale;
    private readonly int _heads, _headDim, _dim;
    private readonly bool _quickGelu;
    // The dtype of the projection weights (the model's XClipLinear precision): the projections run in it, as the
    // model's own prompt generator does, while LayerNorm, softmax, the context attention and the residuals stay fp32.
    private readonly ScalarType _compute;
    // Scalars held for the scorer's lifetime: TorchSharp's operators create a temporary Scalar (the 1 of x + y) that
    // the garbage collector may finalize while the native call still reads it, which fails under allocation pressure.
    private readonly Scalar _one = 1.0.ToScalar();
    private readonly Scalar _quickGeluFactor = 1.702.ToScalar();
    private readonly Scalar _attentionScale;

    public FusedPromptScorer(XClipModel model)
    {
        var config = model.Config;
        _dim = config.ProjectionDim;
        _heads = config.PromptNumAttentionHeads;
        _headDim = _dim / _heads;
        _scale = Math.Pow(_headDim, -0.5);
        _attentionScale = _scale.ToScalar();
        _visualEps = config.VisionConfig.LayerNormEps;
        _textEps = config.TextConfig.LayerNormEps;
        _quickGelu = config.PromptHiddenAct == "quick_gelu";
        _compute = model.Precision == XClipPrecision.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32;
        var weights = model.state_dict();
        Tensor W(string name) => weights[name].detach().to(ScalarType.Float32).clone();
        Tensor M(string name) => weights[name].detach().to(_compute).clone();
        _logitScale = W("logit_scale");
        _alpha = W("prompts_generator.alpha");
        _visualNormWeight = W("prompts_generator.layernorm.weight");
        _visualNormBias = W("prompts_generator.layernorm.bias");
        _layers = Enumerable.Range(0, config.PromptLayers).Select(l =>
        {
            string p = $"prompts_generator.decoder.{l}.";
            return new Layer(W(p + "norm1.weight"), W(p + "norm1.bias"),
                M(p + "cross_attn.q_proj.weight"),
                M(p + "cross_attn.k_proj.weight").view(_heads, _headDim, _dim), // (P, P) -> (h, hd, P)
                M(p + "cross_attn.v_proj.weight").view(_heads, _headDim, _dim), // (P, P) -> (h, hd, P)
                M(p + "cross_attn.proj.weight"), M(p + "cross_attn.proj.bias"),
                W(p + "norm3.weight"), W(p + "norm3.bias"),
                M(p + "mlp.0.weight"), M(p + "mlp.0.bias"), M(p + "mlp.3.weight"), M(p + "mlp.3.bias"));
        }).ToArray();
    }

    /// <summary>text features (t, P), video features (b, P), contexts (b, n, P) -> logits_per_video (b, t).</summary>
    public Tensor Logits(Tensor textFeatures, Tensor videoFeatures, Tensor contexts)
    {
        using var scope = NewDisposeScope();
        long b = videoFeatures.shape[0], t = textFeatures.shape[0];
        var visual = F.layer_norm(contexts, [_dim], _visualNormWeight, _visualNormBias, _visualEps); // (b, n, P)
        var text = textFeatures.unsqueeze(0).expand(b, t, _dim); // (t, P) -> (b, t, P)
        var x = text;
        foreach (var layer in _layers)
        {
            var q = Linear(F.layer_norm(x, [_dim], layer.Norm1Weight, layer.Norm1Bias, _textEps), layer.Q, null)
                .view(b, t, _heads, _headDim); // (b, t, P) -> (b, t, h, hd)
            var queryInContext = Project("bthd,hdc->bthc", q, layer.K).reshape(b, t * _heads, _dim); // (b, t*h, P)
            var attention = torch.bmm(queryInContext, visual.transpose(1, 2)).mul(_attentionScale).softmax(-1); // (b, t*h, n)
            var pooled = torch.bmm(attention, visual).view(b, t, _heads, _dim); // (b, t*h, P) -> (b, t, h, P)
            var heads = Project("bthc,hdc->bthd", pooled, layer.V).reshape(b, t, _dim); // (b, t, h, hd) -> (b, t, P)
            x = x.add(Linear(heads, layer.Proj, layer.ProjBias), _one);
            var hidden = Linear(F.layer_norm(x, [_dim], layer.Norm3Weight, layer.Norm3Bias, _textEps), layer.Fc1, layer.Fc1Bias);
            hidden = _quickGelu ? hidden.mul(torch.sigmoid(hidden.mul(_quickGeluFactor))) : F.gelu(hidden);
            x = x.add(Linear(hidden, layer.Fc2, layer.Fc2Bias), _one);
        }
        var textEmbeds = text.add(_alpha.mul(x), _one);
        textEmbeds = textEmbeds / textEmbeds.norm(-1, true);
        var video = videoFeatures / videoFeatures.norm(-1, true);
        var logits = torch.einsum("bd,btd->bt", video, _logitScale.exp() * textEmbeds); // (b, t)
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>A projection in the weights' dtype with an fp32 result (as <see cref="XClipLinear"/> runs it).</summary>
    private Tensor Linear(Tensor x, Tensor weight, Tensor? bias) =>
        _compute == ScalarType.Float32 ? F.linear(x, weight, bias) : F.linear(x.to(_compute), weight, bias).to(ScalarType.Float32);

    /// <summary>A regrouped k/v projection (<paramref name="equation"/>) in the weights' dtype with an fp32 result.</summary>
    private Tensor Project(string equation, Tensor x, Tensor weight) =>
        _compute == ScalarType.Float32 ? torch.einsum(equation, x, weight) : torch.einsum(equation, x.to(_compute), weight).to(ScalarType.Float32);

    public void Dispose()
    {
        foreach (var tensor in new[] { _logitScale, _alpha, _visualNormWeight, _visualNormBias }) tensor.Dispose();
        foreach (var layer in _layers) layer.Dispose();
        foreach (var scalar in new[] { _one, _quickGeluFactor, _attentionScale }) scalar.Dispose();
    }

    private sealed record Layer(Tensor Norm1Weight, Tensor Norm1Bias, Tensor Q, Tensor K, Tensor V, Tensor Proj, Tensor ProjBias,
        Tensor Norm3Weight, Tensor Norm3Bias, Tensor Fc1, Tensor Fc1Bias, Tensor Fc2, Tensor Fc2Bias) : IDisposable
    {
        public void Dispose()
        {
            foreach (var tensor in new[] { Norm1Weight, Norm1Bias, Q, K, V, Proj, ProjBias, Norm3Weight, Norm3Bias, Fc1, Fc1Bias, Fc2, Fc2Bias })
                tensor.Dispose();
        }
    }
}
