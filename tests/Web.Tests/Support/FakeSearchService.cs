using VideoSearch.Search.Contracts;
using VideoSearch.Search.Ranking;

namespace VideoSearch.Web.Tests.Support;

/// <summary>
/// Stands in for the real search: answers from a fixed list of hits (filtered by duration and paged like the real
/// service, calibrated by <see cref="SampleMedia.Calibration"/>), records what it was asked, and can be told to fail.
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
        return Task.FromResult(Response(request.Query, page, matching.Count, new SearchTimings(0.1, 1.5, 0.2, 3.0, 0.4)));
    }

    public Task<SearchResponse> SearchSimilarAsync(long clipId, int top, SearchFilters? filters, CancellationToken cancellationToken)
    {
        LastSimilar = (clipId, top, filters);
        if (FailWith is not null) throw FailWith;
        if (!hits.Any(v => ClipIds(v).Contains(clipId))) throw new KeyNotFoundException($"clip {clipId}");
        var matching = Filter(filters).Where(v => !ClipIds(v).Contains(clipId)).ToList();
        return Task.FromResult(Response("", matching.Take(top).ToList(), matching.Count, new SearchTimings(0, 0, 0.2, 3.0, 0.1)));
    }

    public Task<SearchResponse> SearchSimilarAsync(float[] embedding, int top, SearchFilters? filters, CancellationToken cancellationToken)
    {
        if (FailWith is not null) throw FailWith;
        var matching = Filter(filters).ToList();
        return Task.FromResult(Response("example video", matching.Take(top).ToList(), matching.Count, new SearchTimings(0, 0, 0.2, 3.0, 0.1)));
    }

    private static SearchResponse Response(string query, IReadOnlyList<VideoHit> page, int total, SearchTimings timings) =>
        new(query, false, page, total, timings, SampleMedia.Calibration, ResultGrouper.BestMatch(page));

    private static IEnumerable<long> ClipIds(VideoHit video) => video.Moments.SelectMany(m => m.Clips).Select(c => c.ClipId);

    private IEnumerable<VideoHit> Filter(SearchFilters? filters) =>
        hits.Where(v => filters is null
                || ((filters.MinDurationSeconds is null || v.DurationSeconds >= filters.MinDurationSeconds)
                    && (filters.MaxDurationSeconds is null || v.DurationSeconds <= filters.MaxDurationSeconds)))
            .OrderByDescending(v => v.Score);
}
