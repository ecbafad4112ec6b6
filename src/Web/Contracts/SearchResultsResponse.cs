using VideoSearch.Search.Contracts;

namespace VideoSearch.Web.Contracts;

/// <summary>A page of search results: videos, best first, each with its matching clips.</summary>
/// <param name="Query">The query as searched (empty for a search by example).</param>
/// <param name="QueryTruncated">True when the query was longer than the text model accepts and was cut.</param>
/// <param name="TotalVideos">How many videos matched before paging.</param>
/// <param name="Offset">How many of the best videos were skipped.</param>
/// <param name="Top">The page size asked for.</param>
/// <param name="Videos">The videos on this page, best first.</param>
/// <param name="Timings">Milliseconds spent in each stage of the search.</param>
public sealed record SearchResultsResponse(
    string Query,
    bool QueryTruncated,
    int TotalVideos,
    int Offset,
    int Top,
    IReadOnlyList<VideoResult> Videos,
    SearchTimings Timings);
