namespace VideoSearch.Search.Contracts;

/// <summary>
/// The library's own score distribution for one query: the scores of a fixed background sample of the library's
/// clips, scored exactly as the results are. A result's relevance is its distance from the sample's mean in standard
/// deviations (a z-score), which reads the same whatever the model's logit scale or the query's typical score.
/// </summary>
/// <param name="SampleSize">How many background clips were scored.</param>
/// <param name="Mean">Their mean score.</param>
/// <param name="StdDev">Their population standard deviation (always above zero).</param>
public sealed record ScoreCalibration(int SampleSize, double Mean, double StdDev)
{
    /// <summary>
    /// z at or above which a match is <see cref="MatchLevel.Strong"/>. The largest of 64 scores drawn from one normal
    /// distribution lies below 2.5 sigma in two cases of three (Phi(2.5)^64 = 0.67), below 3 sigma in 92% and below
    /// 4 sigma in 99.8%, so 4 sigma is beyond what unrelated clips reach by chance.
    /// </summary>
    public const double StrongRelevance = 4.0;

    /// <summary>z at or above which a match is <see cref="MatchLevel.Good"/>: about where the best of 64 unrelated
    /// clips usually tops out, so a result below it is no better than what a random handful of the library offers.</summary>
    public const double GoodRelevance = 2.5;

    /// <summary>The fewest background scores that make a calibration: fewer say little about a distribution.</summary>
    public const int MinimumSampleSize = 8;

    /// <summary>
    /// The calibration of a sample's scores: their mean and population standard deviation; null when there are
    /// fewer than <see cref="MinimumSampleSize"/> or they do not spread (every clip scored alike, no scale to read).
    /// </summary>
    public static ScoreCalibration? FromSample(IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count < MinimumSampleSize) return null;
        double mean = scores.Average(s => (double)s);
        double stdDev = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
        return stdDev > 0 && double.IsFinite(stdDev) ? new ScoreCalibration(scores.Count, mean, stdDev) : null;
    }

    /// <summary>The z-score of <paramref name="score"/>: <c>(score - Mean) / StdDev</c>.</summary>
    public double Relevance(double score) => (score - Mean) / StdDev;

    /// <summary>The level of a result with relevance <paramref name="relevance"/>; <see cref="MatchLevel.Weak"/> when
    /// there is no calibration (nothing says the result stands out).</summary>
    public static MatchLevel LevelOf(double? relevance) => relevance switch
    {
        >= StrongRelevance => MatchLevel.Strong,
        >= GoodRelevance => MatchLevel.Good,
        _ => MatchLevel.Weak,
    };
}
