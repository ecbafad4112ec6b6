namespace VideoSearch.Search.Contracts;

/// <summary>The answer to a <see cref="SearchRequest"/>.</summary>
/// <param name="Query">The query as searched.</param>
/// <param name="QueryTruncated">True when the query was longer than the text model accepts and was cut.</param>
/// <param name="Videos">The matching videos, best first, after offset and top.</param>
/// <param name="TotalVideos">How many videos matched before paging.</param>
/// <param name="Timings">Where the time went.</param>
/// <param name="Calibration">The library's score distribution for this query; null when the library is too small or uniform to tell.</param>
/// <param name="BestMatch">The level of the best moment on this page; <see cref="MatchLevel.None"/> when there are no results.</param>
public sealed record SearchResponse(string Query, bool QueryTruncated, IReadOnlyList<VideoHit> Videos, int TotalVideos,
    SearchTimings Timings, ScoreCalibration? Calibration, MatchLevel BestMatch);
