using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors upstream <c>contrastive_loss</c> and <c>x_clip_loss</c> (CLIP's symmetric InfoNCE): the matching pairs
/// sit on the diagonal of a square similarity matrix.</summary>
internal static class XClipLoss
{
    /// <summary>(cross_entropy(s, arange) + cross_entropy(s^T, arange)) / 2 for a square (n, n) <paramref name="similarity"/>.</summary>
    public static Tensor Contrastive(Tensor similarity)
    {
        if (similarity.dim() != 2 || similarity.shape[0] != similarity.shape[1])
            throw new XClipInputException(
                $"The contrastive loss needs as many texts as videos (text i captions video i), got logits [{string.Join(", ", similarity.shape)}].");
        using var scope = NewDisposeScope();
        var caption = Diagonal(similarity);
        var image = Diagonal(similarity.t());
        return ((caption + image) / 2.0).MoveToOuterDisposeScope();
    }

    // contrastive_loss: each row's target is its own index.
    private static Tensor Diagonal(Tensor logits)
    {
        using var scope = NewDisposeScope();
        var targets = torch.arange(logits.shape[0], dtype: ScalarType.Int64, device: logits.device);
        return nn.functional.cross_entropy(logits, targets).MoveToOuterDisposeScope();
    }
}
