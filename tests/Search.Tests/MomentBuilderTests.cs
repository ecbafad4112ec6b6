using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Ranking;

namespace VideoSearch.Search.Tests;

public sealed class MomentBuilderTests
{
    private static readonly DateTimeOffset s_modified = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScoredClip Clip(long id, double start, double end, float score) =>
        new(new CandidateClip(id, 1, "/v/1.mp4", 120, start, end, s_modified), score);

    [Fact]
    public void Build_OverlappingWindowsAboveHalfHeight_MergeIntoOneMomentWithClipsInTimeOrder()
    {
        // The 26-30 s window twice (the index's 26 and 26.003 s starts) and its neighbours: one moment, not four chips.
        var clips = new[] { Clip(3, 26.003, 30.003, 2.9f), Clip(1, 24, 28, 2.5f), Clip(2, 26, 30, 3.0f), Clip(4, 28, 32, 2.2f) };
        Moment moment = Assert.Single(MomentBuilder.Build(clips, baseline: 1.0, calibration: null));
        // Threshold 1 + 0.5 * (3 - 1) = 2: every clip reaches it.
        Assert.Equal((24.0, 32.0, 28.0, 3.0f, 2L), (moment.StartSeconds, moment.EndSeconds, moment.PeakSeconds, moment.Score, moment.PeakClipId));
        Assert.Equal([1L, 2L, 3L, 4L], moment.Clips.Select(c => c.ClipId));
    }

    [Fact]
    public void Build_OverlappingClipBelowHalfHeight_IsDroppedNotAMomentOfItsOwn()
    {
        // Threshold 2: clip 2 (1.5) overlaps the moment and is shadowed by it; clip 3 only touches it and stays.
        var clips = new[] { Clip(1, 10, 14, 3.0f), Clip(2, 12, 16, 1.5f), Clip(3, 14, 18, 1.4f) };
        var moments = MomentBuilder.Build(clips, baseline: 1.0, calibration: null);
        Assert.Equal([1L, 3L], moments.Select(m => m.PeakClipId));
        Assert.Equal([1L], moments[0].Clips.Select(c => c.ClipId));
        Assert.Equal((14.0, 18.0), (moments[1].StartSeconds, moments[1].EndSeconds));
    }

    [Fact]
    public void Build_TouchingNeighboursChain_GrowInBothDirections()
    {
        var clips = new[] { Clip(1, 0, 4, 2.1f), Clip(2, 4, 8, 2.6f), Clip(3, 8, 12, 3.0f), Clip(4, 12, 16, 2.4f), Clip(5, 20, 24, 2.9f) };
        var moments = MomentBuilder.Build(clips, baseline: 1.0, calibration: null);
        // Clip 5 is 4 s away from clip 4: not contiguous, so a moment of its own (second best).
        Assert.Equal([(0.0, 16.0), (20.0, 24.0)], moments.Select(m => (m.StartSeconds, m.EndSeconds)));
        Assert.Equal([1L, 2L, 3L, 4L], moments[0].Clips.Select(c => c.ClipId));
    }

    [Fact]
    public void Build_EqualScores_SeedIsEarlierStartThenSmallerId()
    {
        // Far apart, equal scores: two moments, the earlier first; at equal start the smaller id seeds.
        var moments = MomentBuilder.Build([Clip(9, 50, 54, 2f), Clip(7, 10, 14, 2f)], 1.0, null);
        Assert.Equal([7L, 9L], moments.Select(m => m.PeakClipId));
        var same = MomentBuilder.Build([Clip(9, 10, 14, 2f), Clip(7, 10, 14, 2f)], 1.0, null);
        Assert.Equal(7L, Assert.Single(same).PeakClipId);
    }

    [Fact]
    public void Build_SeedBelowBaseline_JoinsOnlyClipsScoringAsWell()
    {
        // Baseline 5 is above the seed (2): the threshold is the seed's own score, so the equal neighbour joins.
        var moment = Assert.Single(MomentBuilder.Build([Clip(1, 0, 4, 2f), Clip(2, 4, 8, 2f)], 5.0, null));
        Assert.Equal(2, moment.Clips.Count);
    }

    [Fact]
    public void Build_WithCalibration_RelevanceIsZAndLevelFollowsIt()
    {
        var calibration = new ScoreCalibration(64, 1.0, 0.5);
        var moments = MomentBuilder.Build([Clip(1, 0, 4, 3.0f), Clip(2, 20, 24, 2.3f), Clip(3, 40, 44, 1.5f)], calibration.Mean, calibration);
        Assert.Equal([4.0, 2.6, 1.0], moments.Select(m => Math.Round(m.Relevance!.Value, 4)));
        Assert.Equal([MatchLevel.Strong, MatchLevel.Good, MatchLevel.Weak], moments.Select(m => m.Match));
    }

    [Fact]
    public void Build_RandomClipSets_MomentsNeverOverlapAreContiguousAndDeterministic()
    {
        var random = new Random(20240601);
        for (int trial = 0; trial < 500; trial++)
        {
            var clips = RandomClips(random, random.Next(1, 40));
            double baseline = clips.Min(c => c.Score) + random.NextDouble() - 0.5;
            var moments = MomentBuilder.Build(clips, baseline, null);
            var shuffled = MomentBuilder.Build(clips.OrderBy(_ => random.Next()).ToList(), baseline, null);
            Assert.Equal(Describe(moments), Describe(shuffled));

            for (int a = 0; a < moments.Count; a++)
            {
                Moment m = moments[a];
                for (int b = a + 1; b < moments.Count; b++)
                    Assert.False(m.StartSeconds < moments[b].EndSeconds && moments[b].StartSeconds < m.EndSeconds,
                        $"trial {trial}: moments {Span(m)} and {Span(moments[b])} overlap");
                Assert.Equal(m.Clips.Min(c => c.StartSeconds), m.StartSeconds);
                Assert.Equal(m.Clips.Max(c => c.EndSeconds), m.EndSeconds);
                Assert.Equal(m.Clips.Max(c => c.Score), m.Score);
                // Clips in time order, each starting no later than the furthest end so far: no gap inside a moment.
                double reach = m.Clips[0].EndSeconds;
                for (int i = 1; i < m.Clips.Count; i++)
                {
                    Assert.True(m.Clips[i].StartSeconds >= m.Clips[i - 1].StartSeconds, $"trial {trial}: clips out of time order");
                    Assert.True(m.Clips[i].StartSeconds <= reach, $"trial {trial}: gap before clip {m.Clips[i].ClipId} in {Span(m)}");
                    reach = Math.Max(reach, m.Clips[i].EndSeconds);
                }
                if (a > 0) Assert.True(moments[a - 1].Score >= m.Score, $"trial {trial}: moments not best first");
            }
            // Every clip is used at most once, and the best clip always seeds the first moment.
            var used = moments.SelectMany(m => m.Clips).Select(c => c.ClipId).ToList();
            Assert.Equal(used.Count, used.Distinct().Count());
            Assert.Equal(clips.Max(c => c.Score), moments[0].Score);
        }
    }

    private static List<ScoredClip> RandomClips(Random random, int count)
    {
        // Windows of 2-8 s on a 0-60 s video at 0.5 s steps, so touching, overlapping and identical windows all occur.
        var clips = new List<ScoredClip>(count);
        for (int i = 0; i < count; i++)
        {
            double start = random.Next(0, 120) / 2.0;
            double length = random.Next(4, 17) / 2.0;
            clips.Add(Clip(i + 1, start, start + length, (float)Math.Round(random.NextDouble() * 4, 1)));
        }
        return clips;
    }

    private static string Span(Moment m) => $"{m.StartSeconds}-{m.EndSeconds}";

    private static string Describe(IEnumerable<Moment> moments) =>
        string.Join("; ", moments.Select(m => $"{Span(m)} peak {m.PeakSeconds} [{string.Join(",", m.Clips.Select(c => c.ClipId))}]"));
}
