namespace VideoSearch.Core.Model;

/// <summary>What the training forward (<see cref="XClipModel.Forward(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor,
/// TorchSharp.torch.Tensor, XClipForwardOptions)"/>) computes beyond the logits: upstream's <c>return_loss</c>,
/// <c>output_hidden_states</c> and <c>output_attentions</c> arguments. What is not asked for is neither computed nor kept.</summary>
/// <param name="ReturnLoss">Compute upstream's contrastive <c>x_clip_loss</c>; needs as many texts as videos, text i being
/// video i's caption.</param>
/// <param name="OutputHiddenStates">Keep every stack's hidden_states (its input, then one per layer).</param>
/// <param name="OutputAttentions">Keep every stack's attention probabilities (one per layer).</param>
public sealed record XClipForwardOptions(bool ReturnLoss = false, bool OutputHiddenStates = false, bool OutputAttentions = false);
