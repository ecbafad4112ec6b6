using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Ranking;

namespace VideoSearch.Search.Tests;

public sealed class ResultGrouperTests
{
    private static ScoredClip Clip(long clipId, long videoId, double start, float score) =>
        new(new CandidateClip(clipId, videoId, $"/v/{videoId}.mp4", 60, start, start + 8,
            new DateTimeOffset(2024, 1, (int)(videoId / 10), 0, 0, 0, TimeSpan.Zero)), score);

    // Video 10: two clips 8 s apart that touch (0-8, 8-16); video 30: two clips far apart (16-24, 0-8).
    private static readonly ScoredClip[] s_clips =
    [
        Clip(1, 10, 0, 0.2f), Clip(2, 10, 8, 0.9f), Clip(3, 20, 0, 0.5f), Clip(4, 30, 16, 0.7f), Clip(5, 30, 0, 0.1f),
    ];

    [Fact]
    public void Group_ClipsOfSeveralVideos_VideosByBestMomentAndMomentsBestFirst()
    {
        // No calibration: the baseline is the lowest candidate score (0.1), so clip 1 (0.2) is below video 10's join
        // threshold 0.1 + 0.5 * (0.9 - 0.1) = 0.5 and stays a moment of its own.
        var (page, total) = ResultGrouper.Group(s_clips, offset: 0, top: 10, calibration: null);
        Assert.Equal(3, total);
        Assert.Equal([10L, 30L, 20L], page.Select(v => v.VideoId));
        Assert.Equal(0.9f, page[0].Score);
        Assert.Equal([2L, 1L], page[0].Moments.Select(m => m.PeakClipId));
        Assert.Equal((8.0, 16.0, 12.0), (page[0].Moments[0].StartSeconds, page[0].Moments[0].EndSeconds, page[0].Moments[0].PeakSeconds));
        Assert.Equal([4L, 5L], page[1].Moments.Select(m => m.PeakClipId));
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), page[1].Modified);
        Assert.All(page.SelectMany(v => v.Moments), m => Assert.Equal((null, MatchLevel.Weak), (m.Relevance, m.Match)));
    }

    [Fact]
    public void Group_CalibrationMeanAsBaseline_TouchingNeighbourAboveHalfHeightJoins()
    {
        // The calibration mean (-1) is the baseline: the threshold is -1 + 0.5 * (0.9 + 1) = -0.05, so clip 1 (0.2),
        // touching the seed, joins.
        var calibration = new ScoreCalibration(64, -1.0, 0.25);
        var (page, _) = ResultGrouper.Group(s_clips, 0, 10, calibration);
        Moment moment = Assert.Single(page[0].Moments);
        Assert.Equal((0.0, 16.0, 12.0, 0.9f), (moment.StartSeconds, moment.EndSeconds, moment.PeakSeconds, moment.Score));
        Assert.Equal([1L, 2L], moment.Clips.Select(c => c.ClipId));
        Assert.Equal((0.9 + 1.0) / 0.25, moment.Relevance!.Value, 1e-6);
        Assert.Equal(MatchLevel.Strong, moment.Match);
        Assert.Equal(MatchLevel.Strong, ResultGrouper.BestMatch(page));
    }

    [Fact]
    public void Group_EqualBestScores_VideosTieByVideoId()
    {
        var (page, _) = ResultGrouper.Group([Clip(1, 30, 0, 0.5f), Clip(2, 20, 0, 0.5f), Clip(3, 10, 0, 0.4f)], 0, 10, null);
        Assert.Equal([20L, 30L, 10L], page.Select(v => v.VideoId));
    }

    [Fact]
    public void Group_OffsetAndTop_ReturnsThatPageAndCountsAllVideos()
    {
        var (page, total) = ResultGrouper.Group(s_clips, offset: 1, top: 1, calibration: null);
        Assert.Equal(3, total);
        Assert.Equal(30L, Assert.Single(page).VideoId);
        Assert.Empty(ResultGrouper.Group(s_clips, offset: 3, top: 5, calibration: null).Page);
    }

    [Fact]
    public void BestMatch_EmptyPage_IsNone() =>
        Assert.Equal(MatchLevel.None, ResultGrouper.BestMatch(ResultGrouper.Group([], 0, 10, null).Page));

    [Fact]
    public void Group_NegativeOffset_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultGrouper.Group(s_clips, offset: -1, top: 5, calibration: null));
}
