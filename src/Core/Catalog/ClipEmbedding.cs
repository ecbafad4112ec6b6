namespace VideoSearch.Core.Catalog;

/// <summary>A clip's id (its vector index id) with its stored embedding, as streamed for rebuilding the index.</summary>
/// <param name="ClipId">The clip id, also its id in the vector index.</param>
/// <param name="Embedding">The float32 embedding exactly as stored.</param>
public readonly record struct ClipEmbedding(long ClipId, float[] Embedding);
