namespace VideoSearch.Search.Contracts;

/// <summary>
/// A stretch of one video that matches: neighbouring matching clips merged (see <c>MomentBuilder</c> for the rule).
/// </summary>
/// <param name="StartSeconds">Start of the earliest clip.</param>
/// <param name="EndSeconds">End of the latest clip.</param>
/// <param name="PeakSeconds">Middle of the best clip's window: where to start looking.</param>
/// <param name="Score">The best clip's score (for a text query X-CLIP's <c>logits_per_video</c>).</param>
/// <param name="Relevance">The score's z against the library (<see cref="ScoreCalibration.Relevance"/>); null without a calibration.</param>
/// <param name="Match">How well it matches (<see cref="ScoreCalibration.LevelOf"/>).</param>
/// <param name="PeakClipId">The best clip (its thumbnail is the moment's).</param>
/// <param name="Clips">The clips behind the moment, in time order.</param>
public sealed record Moment(
    double StartSeconds,
    double EndSeconds,
    double PeakSeconds,
    float Score,
    double? Relevance,
    MatchLevel Match,
    long PeakClipId,
    IReadOnlyList<ClipHit> Clips);
