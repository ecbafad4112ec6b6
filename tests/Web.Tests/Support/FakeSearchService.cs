using VideoSearch.Search.Contracts;

namespace VideoSearch.Web.Tests.Support;

/// <summary>
/// Stands in for the real search: answers from a fixed list of hits (filtered by duration and paged like the real
/// service), records what it was asked, and can be told to fail.
/// </summary>
internal sealed class FakeSearchService(IReadOnlyList<VideoHit> hits) : ISearchService
{
    public SearchRequest? LastRequest { get; private set; }

    public (long ClipId, int Top, SearchFilters? Filters)? LastSimilar { get; private set; }

    /// <summary>When set, every search throws it.</summary>
    public Exception? FailWith { get; set; }

    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        if (FailWith is not null) throw FailWith;
        var matching = Filter(request.Filters).ToList();
        var page = matching.Skip(request.Offset).Take(request.Top).ToList();
        return Task.FromResult(new SearchResponse(request.Query, false, page, matching.Count, new SearchTimings(0.1, 1.5, 0.2, 3.0)));
    }

    public Task<SearchResponse> SearchSimilarAsync(long clipId, int top, SearchFilters? filters, CancellationToken cancellationToken)
    {
        LastSimilar = (clipId, top, filters);
        if (FailWith is not null) throw FailWith;
        if (!hits.Any(v => v.Clips.Any(c => c.ClipId == clipId))) throw new KeyNotFoundException($"clip {clipId}");
        var matching = Filter(filters).Where(v => v.Clips.All(c => c.ClipId != clipId)).ToList();
        return Task.FromResult(new SearchResponse("", false, matching.Take(top).ToList(), matching.Count, new SearchTimings(0, 0, 0.2, 3.0)));
    }

    public Task<SearchResponse> SearchSimilarAsync(float[] embedding, int top, SearchFilters? filters, CancellationToken cancellationToken)
    {
        if (FailWith is not null) throw FailWith;
        var matching = Filter(filters).ToList();
        return Task.FromResult(new SearchResponse("example video", false, matching.Take(top).ToList(), matching.Count, new SearchTimings(0, 0, 0.2, 3.0)));
    }

    private IEnumerable<VideoHit> Filter(SearchFilters? filters) =>
        hits.Where(v => filters is null
                || ((filters.MinDurationSeconds is null || v.DurationSeconds >= filters.MinDurationSeconds)
                    && (filters.MaxDurationSeconds is null || v.DurationSeconds <= filters.MaxDurationSeconds)))
            .OrderByDescending(v => v.Score);
}
