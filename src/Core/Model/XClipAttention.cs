using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPAttention</c>: multi-head self-attention with an optional additive mask.</summary>
internal sealed class XClipAttention : nn.Module
{
    // Declaration order is the upstream state-dict order (k, v, q, out).
    private readonly XClipLinear k_proj;
    private readonly XClipLinear v_proj;
    private readonly XClipLinear q_proj;
    private readonly XClipLinear out_proj;
    private readonly int num_heads;
    private readonly int head_dim;
    private readonly double scale;
    private readonly double dropout;

    public XClipAttention(XClipEncoderSpec config, Device? device = null) : base(nameof(XClipAttention))
    {
        config.Validate();
        num_heads = config.NumAttentionHeads;
        head_dim = config.HeadDim;
        scale = Math.Pow(head_dim, -0.5);
        dropout = config.AttentionDropout;
        int d = config.HiddenSize;
        k_proj = new XClipLinear(d, d, hasBias: true, device: device);
        v_proj = new XClipLinear(d, d, hasBias: true, device: device);
        q_proj = new XClipLinear(d, d, hasBias: true, device: device);
        out_proj = new XClipLinear(d, d, hasBias: true, device: device);
        RegisterComponents();
    }

    /// <summary><paramref name="hiddenStates"/> (b, t, d); <paramref name="additiveMask"/> broadcastable to (b, heads, t, t) or null.
    /// <paramref name="states"/>, when given, keeps the attention probabilities (b, heads, t, t) if they were asked for.</summary>
    public Tensor forward(Tensor hiddenStates, Tensor? additiveMask, XClipEncoderStates? states = null)
    {
        using var scope = NewDisposeScope();
        long b = hiddenStates.shape[0], t = hiddenStates.shape[1], d = hiddenStates.shape[2];
        // Upstream scales q before q @ k^T.
        var q = Heads(q_proj.forward(hiddenStates) * scale, b, t);
        var k = Heads(k_proj.forward(hiddenStates), b, t);
        var v = Heads(v_proj.forward(hiddenStates), b, t);
        var weights = torch.matmul(q, k.transpose(-1, -2)); // (b, h, t, t)
        if (additiveMask is not null) weights = weights + additiveMask;
        var probs = torch.softmax(weights, dim: -1);
        states?.AddAttention(probs); // upstream returns the weights before dropout
        // F.dropout is the identity for p = 0 or in eval mode; skipping the call keeps inference free of it.
        if (dropout > 0 && training) probs = nn.functional.dropout(probs, dropout, training: true);
        var context = torch.matmul(probs, v); // (b, h, t, hd)
        context = context.transpose(1, 2).reshape(b, t, d); // (b, h, t, hd) -> (b, t, h*hd)
        return out_proj.forward(context).MoveToOuterDisposeScope();
    }

    // (b, t, h*hd) -> (b, h, t, hd)
    private Tensor Heads(Tensor x, long b, long t) => x.view(b, t, num_heads, head_dim).transpose(1, 2);
}
