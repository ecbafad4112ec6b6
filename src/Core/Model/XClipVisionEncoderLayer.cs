using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPVisionEncoderLayer</c> (cross-frame communication): each frame's CLS state becomes a
/// message token, the messages of one video attend to each other, and each frame attends to its patches plus its message.</summary>
internal sealed class XClipVisionEncoderLayer : nn.Module<Tensor, Tensor>
{
    private readonly XClipLinear message_fc;
    private readonly LayerNorm message_ln;
    private readonly XClipAttention message_attn;
    private readonly XClipDropPath drop_path;
    private readonly XClipAttention self_attn;
    private readonly LayerNorm layer_norm1;
    private readonly XClipMlp mlp;
    private readonly LayerNorm layer_norm2;
    private readonly int num_frames;

    public XClipVisionEncoderLayer(XClipVisionConfig config, Device? device = null) : base(nameof(XClipVisionEncoderLayer))
    {
        config.Validate();
        var spec = XClipEncoderSpec.Vision(config);
        num_frames = config.NumFrames;
        int d = config.HiddenSize;
        message_fc = new XClipLinear(d, d, hasBias: true, device: device);
        message_ln = nn.LayerNorm(d, eps: config.LayerNormEps, device: device);
        message_attn = new XClipAttention(spec, device);
        drop_path = new XClipDropPath(config.DropPathRate);
        self_attn = new XClipAttention(spec, device);
        layer_norm1 = nn.LayerNorm(d, eps: config.LayerNormEps, device: device);
        mlp = new XClipMlp(spec, device);
        layer_norm2 = nn.LayerNorm(d, eps: config.LayerNormEps, device: device);
        RegisterComponents();
    }

    /// <summary>(b*f, 1 + patches, d) with the f frames of one video contiguous -> same shape.</summary>
    public override Tensor forward(Tensor hiddenStates) => forward(hiddenStates, null);

    /// <summary>As <see cref="forward(Tensor)"/>; <paramref name="states"/> keeps the self-attention probabilities
    /// (b*f, heads, 1 + patches + 1, 1 + patches + 1), message token included, as upstream returns them. The message
    /// attention's probabilities are not returned upstream either.</summary>
    public Tensor forward(Tensor hiddenStates, XClipEncoderStates? states)
    {
        using var scope = NewDisposeScope();
        long batchTime = hiddenStates.shape[0], seq = hiddenStates.shape[1], d = hiddenStates.shape[2];
        long videos = batchTime / num_frames;
        var msg = message_fc.forward(hiddenStates[.., 0, ..]); // (b*f, d)
        msg = msg.view(videos, num_frames, d); // (b*f, d) -> (b, f, d)
        // Upstream drops paths on this branch only, not on the self-attention or MLP residuals.
        msg = msg + drop_path.forward(message_attn.forward(message_ln.forward(msg), null));
        msg = msg.view(batchTime, 1, d); // (b, f, d) -> (b*f, 1, d)
        var x = torch.cat([hiddenStates, msg], dim: 1); // message appended at the END: (b*f, seq + 1, d)
        x = x + self_attn.forward(layer_norm1.forward(x), null, states);
        x = x[.., ..(int)seq, ..]; // drop the message token: (b*f, seq + 1, d) -> (b*f, seq, d)
        x = x + mlp.forward(layer_norm2.forward(x));
        return x.MoveToOuterDisposeScope();
    }
}
