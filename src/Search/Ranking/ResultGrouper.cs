using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Ranking;

/// <summary>
/// Clips to videos: each video's clips become moments (<see cref="MomentBuilder"/>), the video's score is its best
/// moment's; videos are ordered best first (ties by video id) and paged by offset and top.
/// </summary>
public static class ResultGrouper
{
    /// <summary>Groups <paramref name="clips"/> (any order) and returns one page plus the number of videos before paging.</summary>
    /// <param name="clips">Every scored candidate of the query.</param>
    /// <param name="offset">Videos to skip.</param>
    /// <param name="top">Videos to return.</param>
    /// <param name="calibration">The library's score distribution for the query, or null. Its mean is the baseline
    /// moments grow against; without one the baseline is the lowest candidate score (the worst the query found).</param>
    public static (IReadOnlyList<VideoHit> Page, int TotalVideos) Group(IReadOnlyList<ScoredClip> clips, int offset, int top,
        ScoreCalibration? calibration)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        if (clips.Count == 0) return ([], 0);
        double baseline = calibration?.Mean ?? clips.Min(c => c.Score);
        var videos = clips
            .GroupBy(c => c.Clip.VideoId)
            .Select(g =>
            {
                var moments = MomentBuilder.Build(g.ToList(), baseline, calibration);
                var first = g.First().Clip;
                return new VideoHit(first.VideoId, first.VideoPath, first.VideoDurationSeconds, first.VideoModified,
                    moments[0].Score, moments);
            })
            .OrderByDescending(v => v.Score)
            .ThenBy(v => v.VideoId)
            .ToList();
        return (videos.Skip(offset).Take(top).ToList(), videos.Count);
    }

    /// <summary>The level of the best moment on <paramref name="page"/>, <see cref="MatchLevel.None"/> when it is empty.</summary>
    public static MatchLevel BestMatch(IReadOnlyList<VideoHit> page) =>
        page.Count == 0 ? MatchLevel.None : page.SelectMany(v => v.Moments).Max(m => m.Match);
}
