namespace VideoSearch.Core.Model;

/// <summary>What the training forward (<see cref="XClipModel.Forward(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor,
/// TorchSharp.torch.Tensor, XClipForwardOptions)"/>) computes beyond the logits: upstream's <c>return_loss</c> argument.</summary>
/// <param name="ReturnLoss">Compute upstream's contrastive <c>x_clip_loss</c>; needs as many texts as videos, text i being
/// video i's caption.</param>
public sealed record XClipForwardOptions(bool ReturnLoss = false);
