using VideoSearch.Search.Contracts;

namespace VideoSearch.Web.Contracts;

/// <summary>A page of search results: videos, best first, each with its matching moments.</summary>
/// <param name="Query">The query as searched (empty for a search by example).</param>
/// <param name="QueryTruncated">True when the query was longer than the text model accepts and was cut.</param>
/// <param name="TotalVideos">How many videos matched before paging.</param>
/// <param name="Offset">How many of the best videos were skipped.</param>
/// <param name="Top">The page size asked for.</param>
/// <param name="Timings">Milliseconds spent in each stage of the search.</param>
/// <param name="Calibration">The library's own score distribution for this query (what relevance is measured against); null when too few clips are indexed to tell.</param>
/// <param name="BestMatch">The level of the best moment on this page: <c>strong</c>, <c>good</c>, <c>weak</c>, or <c>none</c> without results.</param>
/// <param name="Videos">The videos on this page, best first.</param>
public sealed record SearchResultsResponse(
    string Query,
    bool QueryTruncated,
    int TotalVideos,
    int Offset,
    int Top,
    SearchTimings Timings,
    ScoreCalibration? Calibration,
    MatchLevel BestMatch,
    IReadOnlyList<VideoResult> Videos);
