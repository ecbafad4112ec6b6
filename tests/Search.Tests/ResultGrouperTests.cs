using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;
using VideoSearch.Search.Ranking;

namespace VideoSearch.Search.Tests;

public sealed class ResultGrouperTests
{
    private static ScoredClip Clip(long clipId, long videoId, double start, float score) =>
        new(new CandidateClip(clipId, videoId, $"/v/{videoId}.mp4", 60, start, start + 8), score);

    private static readonly ScoredClip[] s_clips =
    [
        Clip(1, 10, 0, 0.2f), Clip(2, 10, 8, 0.9f), Clip(3, 20, 0, 0.5f), Clip(4, 30, 16, 0.7f), Clip(5, 30, 0, 0.1f),
    ];

    [Fact]
    public void Group_ClipsOfSeveralVideos_VideosByBestClipAndClipsBestFirst()
    {
        var (page, total) = ResultGrouper.Group(s_clips, offset: 0, top: 10);
        Assert.Equal(3, total);
        Assert.Equal([10L, 30L, 20L], page.Select(v => v.VideoId));
        Assert.Equal(0.9f, page[0].Score);
        Assert.Equal([2L, 1L], page[0].Clips.Select(c => c.ClipId));
        Assert.Equal((8.0, 16.0), (page[0].Clips[0].StartSeconds, page[0].Clips[0].EndSeconds));
        Assert.Equal([4L, 5L], page[1].Clips.Select(c => c.ClipId));
    }

    [Fact]
    public void Group_OffsetAndTop_ReturnsThatPageAndCountsAllVideos()
    {
        var (page, total) = ResultGrouper.Group(s_clips, offset: 1, top: 1);
        Assert.Equal(3, total);
        Assert.Equal(30L, Assert.Single(page).VideoId);
        Assert.Empty(ResultGrouper.Group(s_clips, offset: 3, top: 5).Page);
    }

    [Fact]
    public void Group_NegativeOffset_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultGrouper.Group(s_clips, offset: -1, top: 5));
}
