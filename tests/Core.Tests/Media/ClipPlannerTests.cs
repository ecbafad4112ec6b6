using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class ClipPlannerTests
{
    private static readonly ClipPlanOptions Defaults = ClipPlanOptions.ForModel(8);

    [Fact]
    public void Plan_TenSeconds_OverlappingWindowsEveryTwoSeconds()
    {
        var clips = ClipPlanner.Plan(10.0, Defaults);

        Assert.Equal([(0.0, 4.0), (2.0, 6.0), (4.0, 8.0), (6.0, 10.0)], clips.Select(c => (c.StartSeconds, c.EndSeconds)));
        Assert.Equal(Enumerable.Range(0, 4), clips.Select(c => c.Index));
    }

    [Fact]
    public void Plan_Window_FramesAtSegmentCentres()
    {
        var clip = ClipPlanner.Plan(10.0, Defaults)[1];

        Assert.Equal([2.25, 2.75, 3.25, 3.75, 4.25, 4.75, 5.25, 5.75], clip.FrameTimestamps);
    }

    [Fact]
    public void Plan_LengthNotOnTheStride_LastWindowAlignedToTheEnd()
    {
        var clips = ClipPlanner.Plan(9.3, Defaults);

        Assert.Equal((5.3, 9.3), (clips[^1].StartSeconds, clips[^1].EndSeconds));
        Assert.Equal(4.0, clips[^2].StartSeconds);
    }

    [Theory]
    [InlineData(0.12)]
    [InlineData(5.92)]
    [InlineData(39.855)]
    [InlineData(120.0)]
    [InlineData(3601.7)]
    public void Plan_AnyLength_EveryMomentInsideSomeWindow(double duration)
    {
        var clips = ClipPlanner.Plan(duration, Defaults);

        Assert.Equal(0.0, clips[0].StartSeconds);
        Assert.Equal(duration, clips[^1].EndSeconds, 6);
        for (int i = 1; i < clips.Count; i++)
        {
            Assert.True(clips[i].StartSeconds <= clips[i - 1].EndSeconds, $"gap before clip {i}");
            Assert.True(clips[i].StartSeconds > clips[i - 1].StartSeconds, $"clip {i} does not advance");
        }
        Assert.All(clips, c => Assert.All(c.FrameTimestamps, t => Assert.InRange(t, c.StartSeconds, c.EndSeconds)));
    }

    [Fact]
    public void Plan_TailShorterThanHalfAStride_LastWindowExtendedNoNearDuplicate()
    {
        var clips = ClipPlanner.Plan(30.003, Defaults);

        Assert.DoesNotContain(clips, c => c.StartSeconds == 26.003);
        Assert.Equal((26.0, 30.003), (clips[^1].StartSeconds, clips[^1].EndSeconds));
        Assert.Equal(24.0, clips[^2].StartSeconds);
        Assert.Equal(14, clips.Count);
    }

    [Fact]
    public void Plan_TailOfExactlyHalfAStride_EndAlignedWindowAdded()
    {
        var clips = ClipPlanner.Plan(9.0, Defaults);

        Assert.Equal([(4.0, 8.0), (5.0, 9.0)], clips.TakeLast(2).Select(c => (c.StartSeconds, c.EndSeconds)));
    }

    [Fact]
    public void Plan_SlightlyLongerThanOneWindow_OneExtendedClipFromZero()
    {
        var clip = Assert.Single(ClipPlanner.Plan(4.5, Defaults));

        Assert.Equal((0.0, 4.5), (clip.StartSeconds, clip.EndSeconds));
    }

    public static TheoryData<double, double> PlanShapes => new()
    {
        { 4.0, 2.0 }, { 4.0, 4.0 }, { 4.0, 1.0 }, { 10.0, 3.0 }, { 2.0, 1.5 }, { 3.0, 0.7 }, { 1.0, 1.0 },
    };

    [Theory]
    [MemberData(nameof(PlanShapes))]
    public void Plan_ManyDurations_StartsHalfAStrideApartNoGapsEndCovered(double window, double stride)
    {
        var options = new ClipPlanOptions(window, stride, 8);
        // 0.5 s to 200 s in an odd step (0.0137 s), so the tail takes many values relative to the stride.
        for (double duration = 0.5; duration <= 200; duration += 0.0137)
        {
            var clips = ClipPlanner.Plan(duration, options);
            string at = $"duration {duration}, window {window}, stride {stride}";

            Assert.True(clips[0].StartSeconds == 0.0, at);
            // The planner rounds every time to microseconds, the end included.
            Assert.True(clips[^1].EndSeconds == Math.Round(duration, 6, MidpointRounding.AwayFromZero), $"end not covered: {at}");
            for (int i = 1; i < clips.Count; i++)
            {
                // 1e-6: starts are rounded to microseconds, so a half-stride distance can come out one step short.
                Assert.True(clips[i].StartSeconds - clips[i - 1].StartSeconds >= stride / 2 - 1e-6, $"clips {i - 1} and {i} too close: {at}");
                Assert.True(clips[i].StartSeconds <= clips[i - 1].EndSeconds, $"gap before clip {i}: {at}");
            }
            Assert.All(clips, c => Assert.True(c.EndSeconds - c.StartSeconds <= window + stride / 2 + 1e-6, $"clip too long: {at}"));
        }
    }

    [Fact]
    public void Plan_ShorterThanOneWindow_OneClipOverTheWholeVideo()
    {
        var clip = Assert.Single(ClipPlanner.Plan(0.12, Defaults));

        Assert.Equal((0.0, 0.12), (clip.StartSeconds, clip.EndSeconds));
        Assert.Equal(8, clip.FrameTimestamps.Count);
        Assert.Equal(0.0075, clip.FrameTimestamps[0]);
        Assert.Equal(0.1125, clip.FrameTimestamps[^1]);
    }

    [Fact]
    public void Plan_ExactlyOneWindow_OneClip() =>
        Assert.Equal((0.0, 4.0), ClipPlanner.Plan(4.0, Defaults).Select(c => (c.StartSeconds, c.EndSeconds)).Single());

    [Fact]
    public void Plan_SameInput_SamePlan()
    {
        var first = ClipPlanner.Plan(39.855, Defaults);
        var second = ClipPlanner.Plan(39.855, Defaults);

        Assert.Equal(first.Select(c => (c.StartSeconds, c.EndSeconds, string.Join(',', c.FrameTimestamps))),
                     second.Select(c => (c.StartSeconds, c.EndSeconds, string.Join(',', c.FrameTimestamps))));
    }

    [Fact]
    public void Plan_NonOverlappingOptions_WindowsTouch()
    {
        var clips = ClipPlanner.Plan(12.0, new ClipPlanOptions(4, 4, 8));

        Assert.Equal([0.0, 4.0, 8.0], clips.Select(c => c.StartSeconds));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Plan_NoDuration_Throws(double duration) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipPlanner.Plan(duration, Defaults));

    [Fact]
    public void Options_StrideLongerThanWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClipPlanOptions(4, 5, 8));

    [Fact]
    public void Options_ZeroFrames_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClipPlanOptions(4, 2, 0));
}
