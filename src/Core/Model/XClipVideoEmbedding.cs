namespace VideoSearch.Core.Model;

/// <summary>What the index stores for one clip.</summary>
/// <param name="Embedding">Video embedding [P], L2-normalised (cosine = dot product with a normalised text feature).</param>
/// <param name="Context">Prompt-generator visual context, row-major [patches, P] flattened to patches*P floats.</param>
public sealed record XClipVideoEmbedding(float[] Embedding, float[] Context);
