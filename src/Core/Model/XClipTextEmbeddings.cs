using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPTextEmbeddings</c>: token plus position embeddings. The non-persistent
/// <c>position_ids</c> buffer is computed in <see cref="forward"/> instead.</summary>
internal sealed class XClipTextEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly Embedding token_embedding;
    private readonly Embedding position_embedding;
    private readonly int max_position_embeddings;

    public XClipTextEmbeddings(XClipTextConfig config, Device? device = null) : base(nameof(XClipTextEmbeddings))
    {
        config.Validate();
        max_position_embeddings = config.MaxPositionEmbeddings;
        token_embedding = nn.Embedding(config.VocabSize, config.HiddenSize, device: device);
        position_embedding = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize, device: device);
        RegisterComponents();
    }

    /// <summary><paramref name="inputIds"/> (n, L) int64 with L &lt;= max_position_embeddings -> (n, L, d).</summary>
    public override Tensor forward(Tensor inputIds)
    {
        long length = inputIds.shape[^1];
        if (length > max_position_embeddings)
            throw new XClipInputException(
                $"Token sequence length {length} exceeds text_config.max_position_embeddings ({max_position_embeddings}).");
        using var scope = NewDisposeScope();
        var positionIds = torch.arange(length, dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0); // (1, L)
        return (token_embedding.forward(inputIds) + position_embedding.forward(positionIds)).MoveToOuterDisposeScope();
    }
}
