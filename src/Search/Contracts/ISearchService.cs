namespace VideoSearch.Search.Contracts;

/// <summary>Text-to-video search over the indexed library (two stages: nearest neighbours, then X-CLIP re-ranking).</summary>
public interface ISearchService
{
    /// <summary>Finds the videos, and the clips inside them, that best match a text query.</summary>
    Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Finds clips similar to an indexed clip (query by example).</summary>
    Task<SearchResponse> SearchSimilarAsync(long clipId, int top, SearchFilters? filters, CancellationToken cancellationToken);

    /// <summary>Finds clips similar to an embedding (query by a video file, from <c>VideoExampleEncoder</c>).</summary>
    Task<SearchResponse> SearchSimilarAsync(float[] embedding, int top, SearchFilters? filters, CancellationToken cancellationToken);
}
