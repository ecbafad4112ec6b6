using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Catalog;

/// <summary>
/// The catalog reads search needs. The SQLite catalog is the real implementation; the search benchmark supplies a
/// synthetic one so latency can be measured at library sizes no test machine holds on disk.
/// </summary>
public interface ISearchCatalog
{
    /// <summary>The clips with the given ids, their embeddings and contexts, in one read, in the order given; the caller
    /// disposes the batch (its buffers are pooled).</summary>
    Task<CandidateBatch> GetCandidatesAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken);

    /// <summary>The clips with the given ids without their vectors, in the order given (missing ids left out).</summary>
    Task<IReadOnlyList<CandidateClip>> GetClipsAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken);

    /// <summary>The stored embedding of one clip, or null when there is no such clip.</summary>
    Task<float[]?> GetEmbeddingAsync(long clipId, CancellationToken cancellationToken);

    /// <summary>The ids of every clip of one video, in time order (empty when there is no such video).</summary>
    Task<IReadOnlyList<long>> GetClipIdsOfVideoAsync(long videoId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> clip ids spread over the whole library, chosen deterministically (the same
    /// clips give the same sample): the background that scores are calibrated against.</summary>
    Task<IReadOnlyList<long>> GetSampleClipIdsAsync(int count, CancellationToken cancellationToken);

    /// <summary>The ids of every clip whose video passes <paramref name="filters"/>.</summary>
    Task<IReadOnlySet<long>> GetAllowedClipIdsAsync(SearchFilters filters, CancellationToken cancellationToken);
}
