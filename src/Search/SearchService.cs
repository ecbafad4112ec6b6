using System.Diagnostics;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Vectors;
using VideoSearch.Search.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Ranking;
using VideoSearch.Search.Text;

namespace VideoSearch.Search;

/// <summary>
/// Two-stage text-to-video search: the query's text features find the top K clips by cosine with the clip
/// embeddings in the vector index; X-CLIP re-ranks those K with each clip's stored context (the prompt generator
/// adapts the text to the clip, which no single precomputed vector can do); each video's clips are merged into
/// moments (<see cref="MomentBuilder"/>) and every moment is read against the library's own scores for the query
/// (<see cref="ScoreCalibrator"/>). Filters become an index filter, so all K candidates are eligible. A request with
/// <see cref="SearchRequest.Rerank"/> false stops after the first stage: the K candidates keep the index's cosine.
/// </summary>
public sealed class SearchService(
    QueryEncoder encoder,
    IVectorIndexSource vectors,
    ClipReranker reranker,
    ISearchCatalog catalog,
    ScoreCalibrator calibrator,
    IOptions<SearchOptions> options) : ISearchService
{
    private readonly SearchOptions _options = options.Value;

    /// <summary>A search over one fixed index (benchmarks and tests), with its own background sample.</summary>
    public SearchService(QueryEncoder encoder, IVectorIndex index, ClipReranker reranker, ISearchCatalog catalog,
        IOptions<SearchOptions> options)
        : this(encoder, new FixedVectorIndexSource(index), reranker, catalog,
            new ScoreCalibrator(new LibrarySampler(catalog, TimeProvider.System), reranker), options)
    {
    }

    /// <summary>Like <see cref="SearchAsync(SearchRequest, CancellationToken)"/> with K given instead of the configured one.</summary>
    /// <exception cref="SearchQueryException">The query is empty or holds no words.</exception>
    /// <exception cref="SearchQueryException">Top, offset, the query's length or a filter is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">K is below 1.</exception>
    public async Task<SearchResponse> SearchAsync(SearchRequest request, int candidateCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SearchRequestValidator.Validate(request, _options);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidateCount, 1);
        var (query, tokenizeMs, encodeMs) = await encoder.EncodeAsync(request.Query, cancellationToken).ConfigureAwait(false);

        long start = Stopwatch.GetTimestamp();
        // Nothing indexed yet (the server indexes while it serves): no results rather than an error.
        if (await vectors.GetIndexAsync(cancellationToken).ConfigureAwait(false) is not { } index)
            return new SearchResponse(request.Query, query.WasTruncated, [], 0, new SearchTimings(tokenizeMs, encodeMs, 0, 0, 0),
                null, MatchLevel.None);
        Func<long, bool>? filter = await FilterAsync(request.Filters, cancellationToken).ConfigureAwait(false);
        // A page deep in the results needs at least as many candidates as the videos it skips and shows.
        int k = Math.Max(candidateCount, request.Offset + request.Top);
        IReadOnlyList<VectorHit> hits = index.Search(query.Features, k, filter);
        double annMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        start = Stopwatch.GetTimestamp();
        var scored = request.Rerank
            ? await reranker.RerankAsync(query.Features, hits.Select(h => h.Id).ToList(), cancellationToken).ConfigureAwait(false)
            : await ByCosineAsync(hits, cancellationToken).ConfigureAwait(false);
        double rerankMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        start = Stopwatch.GetTimestamp();
        // The calibration reads the scores on their own scale: logits after re-ranking, cosines without it.
        ScoreCalibration? calibration = request.Rerank
            ? await calibrator.CalibrateTextAsync(query.Features, index, cancellationToken).ConfigureAwait(false)
            : await calibrator.CalibrateExampleAsync(query.Features, null, index, cancellationToken).ConfigureAwait(false);
        double calibrateMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var (page, total) = ResultGrouper.Group(scored, request.Offset, request.Top, calibration);
        return new SearchResponse(request.Query, query.WasTruncated, page, total,
            new SearchTimings(tokenizeMs, encodeMs, annMs, rerankMs, calibrateMs), calibration, ResultGrouper.BestMatch(page));
    }

    /// <inheritdoc />
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        SearchAsync(request, _options.CandidateCount, cancellationToken);

    /// <summary>
    /// Query by example: the clip's stored embedding is the query; the K nearest other clips are ranked by the
    /// cosine of their embeddings (what the index scores exactly), merged into moments.
    /// </summary>
    /// <exception cref="ClipNotFoundException">No clip has id <paramref name="clipId"/>.</exception>
    public async Task<SearchResponse> SearchSimilarAsync(long clipId, int top, SearchFilters? filters,
        CancellationToken cancellationToken)
    {
        SearchRequestValidator.ValidatePage(top, filters, _options);
        float[] embedding = await catalog.GetEmbeddingAsync(clipId, cancellationToken).ConfigureAwait(false)
            ?? throw new ClipNotFoundException($"No indexed clip has id {clipId}.");
        return await SimilarAsync($"clip {clipId}", embedding, clipId, top, filters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Query by example with any embedding (for instance a video file's, from <c>VideoExampleEncoder</c>): the K
    /// nearest clips ranked by embedding cosine, merged into moments.
    /// </summary>
    public Task<SearchResponse> SearchSimilarAsync(float[] embedding, int top, SearchFilters? filters,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        SearchRequestValidator.ValidatePage(top, filters, _options);
        return SimilarAsync("example video", embedding, null, top, filters, cancellationToken);
    }

    private async Task<SearchResponse> SimilarAsync(string query, float[] embedding, long? exclude, int top,
        SearchFilters? filters, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        if (await vectors.GetIndexAsync(cancellationToken).ConfigureAwait(false) is not { } index)
            return new SearchResponse(query, false, [], 0, new SearchTimings(0, 0, 0, 0, 0), null, MatchLevel.None);
        Func<long, bool>? allowed = await FilterAsync(filters, cancellationToken).ConfigureAwait(false);
        Func<long, bool>? filter = (allowed, exclude) switch
        {
            (null, null) => null,
            (null, { } self) => id => id != self,
            ({ } only, null) => only,
            ({ } only, { } self) => id => id != self && only(id),
        };
        IReadOnlyList<VectorHit> hits = index.Search(embedding, Math.Max(_options.CandidateCount, top), filter);
        double annMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        start = Stopwatch.GetTimestamp();
        var scored = await ByCosineAsync(hits, cancellationToken).ConfigureAwait(false);
        double fetchMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        start = Stopwatch.GetTimestamp();
        ScoreCalibration? calibration = await calibrator.CalibrateExampleAsync(embedding, exclude, index, cancellationToken)
            .ConfigureAwait(false);
        double calibrateMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var (page, total) = ResultGrouper.Group(scored, 0, top, calibration);
        return new SearchResponse(query, false, page, total, new SearchTimings(0, 0, annMs, fetchMs, calibrateMs), calibration,
            ResultGrouper.BestMatch(page));
    }

    /// <summary>The hits that are still stored, scored by the index's own cosine, best first (ties by clip id).</summary>
    private async Task<IReadOnlyList<ScoredClip>> ByCosineAsync(IReadOnlyList<VectorHit> hits, CancellationToken cancellationToken)
    {
        var clips = await catalog.GetClipsAsync(hits.Select(h => h.Id).ToList(), cancellationToken).ConfigureAwait(false);
        var scores = hits.ToDictionary(h => h.Id, h => h.Score);
        return ClipReranker.Sorted(clips.Select(c => new ScoredClip(c, scores[c.ClipId])).ToArray());
    }

    private async Task<Func<long, bool>?> FilterAsync(SearchFilters? filters, CancellationToken cancellationToken)
    {
        if (filters is null || filters == new SearchFilters()) return null;
        IReadOnlySet<long> allowed = await catalog.GetAllowedClipIdsAsync(filters, cancellationToken).ConfigureAwait(false);
        return allowed.Contains;
    }
}
