using TorchSharp;
using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Bench.Model;

/// <summary>
/// Times the vision encoder's operations by kind, run alone at the model's own shapes for all layers of one call:
/// the GEMMs (every linear layer), the attention core (q·kᵀ, softmax, probs·v, head merge), and the normalisation and
/// element-wise work (layer norms, quick_gelu, residual adds, the message-token concat). What the full forward takes
/// beyond their sum is the rest: patch embedding, the MIT and prompt-context head, views and dispatch.
/// </summary>
internal sealed class VisionOpBudget
{
    private readonly XClipVisionConfig _config;
    private readonly long _frames;

    public VisionOpBudget(XClipVisionConfig config, int clips)
    {
        _config = config;
        _frames = (long)clips * config.NumFrames;
    }

    public record Budget(double GemmSeconds, double AttentionCoreSeconds, double ElementwiseSeconds);

    public Budget Measure(Func<Action, double> time)
    {
        using var scope = torch.NewDisposeScope();
        using var mode = torch.inference_mode();
        long d = _config.HiddenSize, i = _config.IntermediateSize, tokens = _config.NumPatches + 1;
        long heads = _config.NumAttentionHeads, headDim = d / heads, videos = _frames / _config.NumFrames;
        var frameStates = torch.randn(_frames, tokens + 1, d); // CLS, patches and the message token
        var patchStates = torch.randn(_frames * tokens, d);
        var messages = torch.randn(_frames, d);
        var up = torch.randn(_frames * tokens, i);
        var wd = torch.randn(d, d);
        var bd = torch.randn(d);
        var w1 = torch.randn(i, d);
        var b1 = torch.randn(i);
        var w2 = torch.randn(d, i);
        var q = torch.randn(_frames, heads, tokens + 1, headDim);
        var mq = torch.randn(videos, heads, _config.NumFrames, headDim);
        var ones = torch.ones(d);
        var zeros = torch.zeros(d);
        int layers = _config.NumHiddenLayers;

        double gemm = time(() => Repeat(layers, () =>
        {
            for (int p = 0; p < 5; p++) nn.functional.linear(messages, wd, bd).Dispose(); // message_fc + message_attn
            for (int p = 0; p < 4; p++) nn.functional.linear(frameStates, wd, bd).Dispose(); // self_attn q, k, v, out
            using var hidden = nn.functional.linear(patchStates, w1, b1);
            nn.functional.linear(up, w2, bd).Dispose();
        }));
        double attention = time(() => Repeat(layers, () =>
        {
            AttentionCore(q, _frames, tokens + 1, d);
            AttentionCore(mq, videos, _config.NumFrames, d);
        }));
        double elementwise = time(() => Repeat(layers, () =>
        {
            nn.functional.layer_norm(messages, [d], ones, zeros).Dispose();
            nn.functional.layer_norm(frameStates, [d], ones, zeros).Dispose();
            nn.functional.layer_norm(patchStates, [d], ones, zeros).Dispose();
            using var scaled = up * 1.702;
            using var gate = torch.sigmoid(scaled);
            (up * gate).Dispose();
            using var withMessage = torch.cat([frameStates[.., ..(int)tokens, ..], messages.unsqueeze(1)], 1);
            (withMessage + frameStates).Dispose();
            (patchStates + patchStates).Dispose();
            (messages + messages).Dispose();
        }));
        return new Budget(gemm, attention, elementwise);
    }

    private static void AttentionCore(Tensor q, long batch, long tokens, long d)
    {
        using var weights = torch.matmul(q, q.transpose(-1, -2));
        using var probs = torch.softmax(weights, dim: -1);
        using var context = torch.matmul(probs, q);
        context.transpose(1, 2).reshape(batch, tokens, d).Dispose();
    }

    private static void Repeat(int times, Action action)
    {
        for (int n = 0; n < times; n++) action();
    }
}
