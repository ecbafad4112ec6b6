namespace VideoSearch.Core.Catalog;

/// <summary>Where a video stands in indexing.</summary>
public enum VideoStatus
{
    /// <summary>Known but not (or no longer) indexed: new, changed, interrupted or awaiting re-embedding.</summary>
    Pending,

    /// <summary>All its clips, embeddings, contexts and thumbnails are stored.</summary>
    Indexed,

    /// <summary>
    /// Indexing failed, for the reason in the video's error kind. A failure caused by the file waits until the file
    /// changes; one caused by the machine (a missing tool, a permission, a full disk) is retried by the indexer once
    /// that cause may be gone. Which kind is which is the indexer's rule, since it names the kinds.
    /// </summary>
    Failed,
}
