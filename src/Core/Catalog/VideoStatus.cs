namespace VideoSearch.Core.Catalog;

/// <summary>Where a video stands in indexing.</summary>
public enum VideoStatus
{
    /// <summary>Known but not (or no longer) indexed: new, changed, interrupted or awaiting re-embedding.</summary>
    Pending,

    /// <summary>All its clips, embeddings, contexts and thumbnails are stored.</summary>
    Indexed,

    /// <summary>Indexing failed; not retried until the file changes.</summary>
    Failed,
}
