namespace VideoSearch.Core.Catalog;

/// <summary>The model whose vectors the catalog holds; every stored clip was embedded by it.</summary>
/// <param name="ModelId">Model id, e.g. <c>microsoft/xclip-base-patch32</c>.</param>
/// <param name="Revision">Revision of the weights (commit or hash).</param>
/// <param name="EmbeddingDim">Length of a video embedding (projection_dim).</param>
/// <param name="ContextPatches">Rows of the prompt-generator context (patches per frame).</param>
/// <param name="ContextDim">Columns of the context (projection_dim).</param>
public sealed record ModelState(string ModelId, string Revision, int EmbeddingDim, int ContextPatches, int ContextDim)
{
    /// <summary>Floats in one clip's context.</summary>
    public int ContextLength => ContextPatches * ContextDim;
}
