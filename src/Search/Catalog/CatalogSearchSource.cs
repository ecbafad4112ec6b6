using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Catalog;

/// <summary>
/// <see cref="ISearchCatalog"/> over the library's catalog: the SQL is the catalog's own
/// (<see cref="CandidateRepository"/>); this only supplies the stored vectors' shapes and maps the filters.
/// </summary>
public sealed class CatalogSearchSource(VideoCatalog catalog) : ISearchCatalog
{
    /// <inheritdoc />
    public async Task<CandidateBatch> GetCandidatesAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken)
    {
        ModelState model = await catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new LibraryNotFoundException(catalog.LibraryDirectory,
                "The library has no indexed clips yet: run 'videosearch index' first.");
        return await catalog.Candidates.GetCandidatesAsync(clipIds, model, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CandidateClip>> GetClipsAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken) =>
        catalog.Candidates.GetClipsAsync(clipIds, cancellationToken);

    /// <inheritdoc />
    public Task<float[]?> GetEmbeddingAsync(long clipId, CancellationToken cancellationToken) =>
        catalog.Candidates.GetEmbeddingAsync(clipId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> GetClipIdsOfVideoAsync(long videoId, CancellationToken cancellationToken) =>
        catalog.Candidates.GetClipIdsOfVideoAsync(videoId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> GetSampleClipIdsAsync(int count, CancellationToken cancellationToken) =>
        catalog.Candidates.GetSampleClipIdsAsync(count, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlySet<long>> GetAllowedClipIdsAsync(SearchFilters filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return catalog.Candidates.GetAllowedClipIdsAsync(new ClipFilter(filters.Folder, filters.MinDurationSeconds,
            filters.MaxDurationSeconds, filters.ModifiedAfter, filters.ModifiedBefore), cancellationToken);
    }
}
