using VideoSearch.Search.Contracts;

namespace VideoSearch.Web.Contracts;

/// <summary>A matching stretch of a video: neighbouring matching clips merged.</summary>
/// <param name="StartSeconds">Start of the moment in the video.</param>
/// <param name="EndSeconds">End of the moment in the video.</param>
/// <param name="PeakSeconds">Middle of the best clip: where playback should start.</param>
/// <param name="Score">The best clip's score.</param>
/// <param name="Relevance">Standard deviations above the library's mean score for this query; null without a calibration.</param>
/// <param name="Match">How well it matches: <c>strong</c>, <c>good</c> or <c>weak</c>.</param>
/// <param name="PeakClipId">The best clip's id.</param>
/// <param name="ThumbnailUrl">The best clip's thumbnail.</param>
/// <param name="SimilarUrl">Search by example from the best clip ("more like this").</param>
/// <param name="Clips">The clips behind the moment, in time order.</param>
public sealed record MomentResult(
    double StartSeconds,
    double EndSeconds,
    double PeakSeconds,
    float Score,
    double? Relevance,
    MatchLevel Match,
    long PeakClipId,
    string ThumbnailUrl,
    string SimilarUrl,
    IReadOnlyList<ClipResult> Clips);
