using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPCrossAttention</c>: text queries attend to visual keys/values; q/k/v without bias,
/// scale applied after q @ k^T as upstream does; attn_drop and proj_drop act in train mode only.</summary>
internal sealed class XClipCrossAttention : nn.Module
{
    private readonly XClipLinear q_proj;
    private readonly XClipLinear k_proj;
    private readonly XClipLinear v_proj;
    private readonly Dropout attn_drop;
    private readonly XClipLinear proj;
    private readonly Dropout proj_drop;
    private readonly int num_heads;
    private readonly double scale;

    public XClipCrossAttention(XClipConfig config, Device? device = null) : base(nameof(XClipCrossAttention))
    {
        XClipConfigChecks.Divisible("projection_dim", config.ProjectionDim, "prompt_num_attention_heads", config.PromptNumAttentionHeads);
        int dim = config.ProjectionDim;
        num_heads = config.PromptNumAttentionHeads;
        scale = Math.Pow(dim / num_heads, -0.5);
        q_proj = new XClipLinear(dim, dim, hasBias: false, device: device);
        k_proj = new XClipLinear(dim, dim, hasBias: false, device: device);
        v_proj = new XClipLinear(dim, dim, hasBias: false, device: device);
        attn_drop = nn.Dropout(config.PromptAttentionDropout);
        proj = new XClipLinear(dim, dim, hasBias: true, device: device);
        proj_drop = nn.Dropout(config.PromptProjectionDropout);
        RegisterComponents();
    }

    /// <summary>queries (b, t, P), keys and values (b, n, P) -> (b, t, P).</summary>
    public Tensor forward(Tensor queries, Tensor keys, Tensor values)
    {
        using var scope = NewDisposeScope();
        long b = queries.shape[0], t = queries.shape[1], dim = queries.shape[2], n = keys.shape[1];
        long hd = dim / num_heads;
        var q = q_proj.forward(queries).reshape(b, t, num_heads, hd).permute(0, 2, 1, 3); // (b, t, P) -> (b, h, t, hd)
        var k = k_proj.forward(keys).reshape(b, n, num_heads, hd).permute(0, 2, 1, 3); // (b, n, P) -> (b, h, n, hd)
        var v = v_proj.forward(values).reshape(b, n, num_heads, hd).permute(0, 2, 1, 3); // (b, n, P) -> (b, h, n, hd)
        var attn = torch.matmul(q, k.transpose(-2, -1)) * scale; // (b, h, t, n)
        attn = attn_drop.forward(attn.softmax(-1));
        var x = torch.matmul(attn, v).transpose(1, 2).reshape(b, t, dim); // (b, h, t, hd) -> (b, t, P)
        return proj_drop.forward(proj.forward(x)).MoveToOuterDisposeScope();
    }
}
