using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPDropPath</c> (<c>drop_path</c>, stochastic depth per sample): in train mode each
/// sample of the batch keeps its whole branch, scaled by 1 / (1 - p), or loses it, with probability p; the identity in
/// eval mode or for p = 0 (upstream then builds nn.Identity instead; neither has parameters).</summary>
internal sealed class XClipDropPath : nn.Module<Tensor, Tensor>
{
    private readonly double drop_prob;

    public XClipDropPath(double dropProb) : base(nameof(XClipDropPath))
    {
        XClipConfigChecks.Probability("drop_path_rate", dropProb);
        drop_prob = dropProb;
        RegisterComponents();
    }

    /// <summary>(batch, ...) -> same shape; the input itself when nothing is dropped.</summary>
    public override Tensor forward(Tensor hiddenStates)
    {
        if (drop_prob == 0 || !training) return hiddenStates;
        using var scope = NewDisposeScope();
        double keep = 1 - drop_prob;
        var shape = new long[hiddenStates.dim()];
        Array.Fill(shape, 1L);
        shape[0] = hiddenStates.shape[0]; // one draw per sample: (batch, 1, ..., 1)
        var mask = (torch.rand(shape, dtype: hiddenStates.dtype, device: hiddenStates.device) + keep).floor_(); // 0 or 1
        return (hiddenStates.div(keep) * mask).MoveToOuterDisposeScope();
    }
}
