using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Ranking;

/// <summary>
/// Merges one video's matching clips into moments, deterministically. Clip windows are closed intervals
/// <c>[start, end]</c> in seconds; two of them are <em>contiguous</em> when they overlap or touch
/// (<c>a.Start &lt;= b.End &amp;&amp; b.Start &lt;= a.End</c>) and <em>overlap</em> when they share more than an
/// end point (<c>a.Start &lt; b.End &amp;&amp; b.Start &lt; a.End</c>).
/// <list type="number">
/// <item>The seed is the best clip not yet used (ties: earlier start, then smaller clip id).</item>
/// <item>The moment grows over every unused clip contiguous with it whose score is at least
/// <c>baseline + 0.5 * (seed - baseline)</c> (half the seed's height above the library's typical score for the
/// query; never more than the seed's own score), repeatedly, until no such clip is left. A clip that would make the
/// moment overlap an earlier moment does not join.</item>
/// <item>Unused clips that overlap the finished moment are dropped: a better moment already covers that time.
/// So no two moments of a video overlap; they may touch.</item>
/// <item>Repeat from 1 while clips are left.</item>
/// </list>
/// A moment spans its clips (earliest start to latest end), its peak is the middle of the seed's window, its score
/// is the seed's score (a one-clip moment's score is that clip's score) and its clips are listed in time order.
/// Moments come out best first (ties: earlier start).
/// </summary>
public static class MomentBuilder
{
    /// <summary>How far between the baseline and the seed's score a neighbour must reach to join the seed's moment.</summary>
    public const double JoinFraction = 0.5;

    /// <summary>The moments of one video's clips, best first, scored against <paramref name="calibration"/> when given.</summary>
    /// <param name="clips">The video's scored clips, any order; a clip id may appear once.</param>
    /// <param name="baseline">The library's typical score for the query (see <see cref="ResultGrouper"/>).</param>
    /// <param name="calibration">Gives each moment its relevance and level; null leaves relevance null and the level weak.</param>
    public static IReadOnlyList<Moment> Build(IReadOnlyList<ScoredClip> clips, double baseline, ScoreCalibration? calibration)
    {
        ArgumentNullException.ThrowIfNull(clips);
        // Best first, ties by earlier start then clip id: the seed order, fixed before any merging.
        var order = clips
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Clip.StartSeconds)
            .ThenBy(c => c.Clip.ClipId)
            .ToList();
        var used = new bool[order.Count];
        var spans = new List<(double Start, double End)>();
        var moments = new List<Moment>();
        for (int s = 0; s < order.Count; s++)
        {
            if (used[s]) continue;
            ScoredClip seed = order[s];
            used[s] = true;
            double threshold = Math.Min(seed.Score, baseline + JoinFraction * (seed.Score - baseline));
            var members = new List<ScoredClip> { seed };
            double start = seed.Clip.StartSeconds, end = seed.Clip.EndSeconds;
            for (bool grew = true; grew;)
            {
                grew = false;
                for (int i = s + 1; i < order.Count; i++)
                {
                    var c = order[i].Clip;
                    if (used[i] || order[i].Score < threshold || c.StartSeconds > end || c.EndSeconds < start) continue;
                    double newStart = Math.Min(start, c.StartSeconds), newEnd = Math.Max(end, c.EndSeconds);
                    if (spans.Any(m => Overlap(m.Start, m.End, newStart, newEnd))) continue;
                    used[i] = true;
                    members.Add(order[i]);
                    (start, end) = (newStart, newEnd);
                    grew = true;
                }
            }
            for (int i = s + 1; i < order.Count; i++)
                if (!used[i] && Overlap(start, end, order[i].Clip.StartSeconds, order[i].Clip.EndSeconds)) used[i] = true;
            spans.Add((start, end));
            moments.Add(ToMoment(seed, members, start, end, calibration));
        }
        // Seeds were taken best first, so moments already are: score descending, ties by earlier start.
        return moments;
    }

    private static bool Overlap(double aStart, double aEnd, double bStart, double bEnd) => aStart < bEnd && bStart < aEnd;

    private static Moment ToMoment(ScoredClip seed, List<ScoredClip> members, double start, double end, ScoreCalibration? calibration)
    {
        double? relevance = calibration?.Relevance(seed.Score);
        var clips = members
            .OrderBy(c => c.Clip.StartSeconds)
            .ThenBy(c => c.Clip.ClipId)
            .Select(c => new ClipHit(c.Clip.ClipId, c.Clip.StartSeconds, c.Clip.EndSeconds, c.Score))
            .ToList();
        return new Moment(start, end, (seed.Clip.StartSeconds + seed.Clip.EndSeconds) / 2, seed.Score, relevance,
            ScoreCalibration.LevelOf(relevance), seed.Clip.ClipId, clips);
    }
}
