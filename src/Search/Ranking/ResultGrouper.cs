using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Ranking;

/// <summary>
/// Clips to videos: each video's score is its best clip's, its clips follow best first as time ranges; videos are
/// ordered best first (ties by video id) and paged by offset and top.
/// </summary>
public static class ResultGrouper
{
    /// <summary>Groups <paramref name="clips"/> (any order) and returns one page plus the number of videos before paging.</summary>
    public static (IReadOnlyList<VideoHit> Page, int TotalVideos) Group(IEnumerable<ScoredClip> clips, int offset, int top)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var videos = clips
            .GroupBy(c => c.Clip.VideoId)
            .Select(g =>
            {
                var ordered = g.OrderByDescending(c => c.Score).ThenBy(c => c.Clip.StartSeconds).ToList();
                var first = ordered[0].Clip;
                return new VideoHit(first.VideoId, first.VideoPath, first.VideoDurationSeconds, ordered[0].Score,
                    ordered.Select(c => new ClipHit(c.Clip.ClipId, c.Clip.StartSeconds, c.Clip.EndSeconds, c.Score)).ToList());
            })
            .OrderByDescending(v => v.Score)
            .ThenBy(v => v.VideoId)
            .ToList();
        return (videos.Skip(offset).Take(top).ToList(), videos.Count);
    }
}
