using VideoSearch.Training.Scenes;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Tests.Scenes;

public sealed class ScenePlannerTests
{
    private const int Fps = 25;

    /// <summary>200 videos from several seeds: enough draws that every range is exercised near its ends.</summary>
    private static IEnumerable<VideoPlan> ManyVideos() =>
        from seed in new ulong[] { 1, 2, 42, 1234567 }
        from video in ScenePlanner.Plan(Options(seed, train: 30, validation: 10, test: 10))
        select video;

    private static SceneSetOptions Options(ulong seed, int train, int validation, int test, int fps = Fps) => new()
    {
        OutputFolder = "unused", Seed = seed, TrainVideos = train, ValidationVideos = validation, TestVideos = test, FramesPerSecond = fps,
    };

    [Fact]
    public void Vocabulary_IsExactlyTheAgreedWords()
    {
        Assert.Equal(["red", "green", "blue", "yellow", "white"], SceneVocabulary.Colours.Select(SceneVocabulary.Word));
        Assert.Equal(["circle", "square", "triangle"], SceneVocabulary.Shapes.Select(SceneVocabulary.Word));
        Assert.Equal(["moving left", "moving right", "moving up", "moving down", "growing", "shrinking"],
            SceneVocabulary.Motions.Select(SceneVocabulary.Phrase));
        Assert.Equal("a red circle moving left", SceneVocabulary.Caption(SceneColour.Red, SceneShape.Circle, SceneMotion.MovingLeft));
        Assert.Equal(90, SceneVocabulary.AllCaptions.Distinct().Count());
    }

    [Fact]
    public void Plan_ManySeeds_FrameSizesAndLengthsInRange()
    {
        foreach (VideoPlan video in ManyVideos())
        {
            Assert.InRange(video.Width, 320, 640);
            Assert.InRange(video.Height, 240, 480);
            Assert.True(video.Width % 2 == 0 && video.Height % 2 == 0, $"{video.Width}x{video.Height} is not even");
            Assert.InRange(video.Scenes.Count, 3, 5);
            int expectedFirst = 0;
            foreach (ScenePlan scene in video.Scenes)
            {
                Assert.Equal(expectedFirst, scene.FirstFrame);
                Assert.InRange(scene.FrameCount, 4 * Fps, 8 * Fps);
                expectedFirst = scene.EndFrame;
            }
            Assert.Equal(expectedFirst, video.FrameCount);
        }
    }

    [Fact]
    public void Plan_ManySeeds_CaptionsDistinctAndBoundariesVisible()
    {
        var vocabulary = SceneVocabulary.AllCaptions.ToHashSet();
        foreach (VideoPlan video in ManyVideos())
        {
            Assert.Equal(video.Scenes.Count, video.Scenes.Select(s => s.Caption).Distinct().Count());
            Assert.All(video.Scenes, s => Assert.Contains(s.Caption, vocabulary));
            for (int i = 1; i < video.Scenes.Count; i++)
            {
                ScenePlan before = video.Scenes[i - 1], after = video.Scenes[i];
                Assert.True(before.Colour != after.Colour || before.Shape != after.Shape,
                    $"{video.RelativePath}: scenes {i - 1} and {i} are both {before.Colour} {before.Shape}");
            }
        }
    }

    [Fact]
    public void Plan_ManySeeds_RadiusTravelAndVisibilityInRange()
    {
        foreach (VideoPlan video in ManyVideos())
        {
            foreach (ScenePlan scene in video.Scenes)
            {
                string where = $"{video.RelativePath} '{scene.Caption}'";
                Assert.InRange(scene.StartRadius / video.Height, 0.08, 0.35);
                Assert.InRange(scene.EndRadius / video.Height, 0.08, 0.35);
                double dx = scene.EndCentre.X - scene.StartCentre.X, dy = scene.EndCentre.Y - scene.StartCentre.Y;
                switch (scene.Motion)
                {
                    case SceneMotion.Growing or SceneMotion.Shrinking:
                        double factor = scene.EndRadius / scene.StartRadius;
                        if (scene.Motion == SceneMotion.Shrinking) factor = 1 / factor;
                        Assert.InRange(factor, 1.8, 3.0);
                        Assert.Equal(scene.StartCentre, scene.EndCentre);
                        AssertInView(video, scene.StartCentre, Math.Max(scene.StartRadius, scene.EndRadius), 1.0, where);
                        break;
                    default:
                        Assert.Equal(scene.StartRadius, scene.EndRadius);
                        bool horizontal = scene.Motion is SceneMotion.MovingLeft or SceneMotion.MovingRight;
                        double travel = horizontal ? dx / video.Width : dy / video.Height;
                        Assert.Equal(0, horizontal ? dy : dx);
                        double sign = scene.Motion is SceneMotion.MovingRight or SceneMotion.MovingDown ? 1 : -1;
                        Assert.InRange(sign * travel, 0.25, 0.45);
                        AssertInView(video, scene.StartCentre, scene.StartRadius, 0.75, where);
                        AssertInView(video, scene.EndCentre, scene.EndRadius, 0.75, where);
                        break;
                }
            }
        }
    }

    [Fact]
    public void Plan_ManySeeds_FillsAreUnambiguousAndBackgroundsDark()
    {
        foreach (VideoPlan video in ManyVideos())
        {
            SceneRgb b = video.Background.Base;
            bool grey = b.R == b.G && b.G == b.B && b.R is >= 96 and <= 128;
            Assert.True(grey || Math.Max(b.R, Math.Max(b.G, b.B)) <= 64, $"{video.RelativePath}: background {b} is neither dark nor mid-grey");
            Assert.InRange(video.Background.NoiseAmplitude, 2, 6);
            foreach (ScenePlan scene in video.Scenes)
            {
                Assert.Equal(scene.Colour, ColourCheck.Nearest(scene.Fill));
                // Every shape stands out from its background: at least 90 levels apart on some channel.
                Assert.True(ColourCheck.LargestChannelGap(scene.Fill, b) >= 90, $"{scene.Fill} on {b}");
            }
        }
    }

    [Fact]
    public void Plan_SameSeed_SameVideos()
    {
        Assert.Equal(ScenePlanner.Plan(Options(7, 5, 2, 2)), ScenePlanner.Plan(Options(7, 5, 2, 2)), PlanComparer.Instance);
        Assert.NotEqual(ScenePlanner.Plan(Options(7, 5, 2, 2)), ScenePlanner.Plan(Options(8, 5, 2, 2)), PlanComparer.Instance);
    }

    [Fact]
    public void Plan_Splits_AreDisjointAndIndependentOfTheOtherCounts()
    {
        IReadOnlyList<VideoPlan> plan = ScenePlanner.Plan(Options(3, 6, 3, 3));
        Assert.Equal(12, plan.Select(v => v.RelativePath).Distinct().Count());
        Assert.Equal(6, plan.Count(v => v.RelativePath.StartsWith("train/scenes-", StringComparison.Ordinal)));
        Assert.Equal(3, plan.Count(v => v.RelativePath.StartsWith("validation/scenes-", StringComparison.Ordinal)));
        Assert.Equal("test/scenes-0002.mp4", plan[^1].RelativePath);
        // Video 0 of each split is a different video, not a copy under another folder.
        VideoPlan[] firsts = [.. plan.Where(v => v.Index == 0)];
        Assert.Equal(3, firsts.Select(v => string.Join("|", v.Scenes.Select(s => s.Caption)) + v.Width + v.Height).Distinct().Count());
        // Asking for more training videos leaves the test videos as they were (resuming and extending rely on it).
        VideoPlan test2 = ScenePlanner.Plan(Options(3, 40, 3, 3))[^1];
        Assert.True(PlanComparer.Instance.Equals(plan[^1], test2));
    }

    [Fact]
    public void Plan_Rows_CoverTheVideoInWholeFrames()
    {
        VideoPlan video = ScenePlanner.PlanVideo(5, SceneSplit.Test, 3, 25);
        TrainingRow[] rows = [.. video.Rows()];
        Assert.Equal(video.Scenes.Count, rows.Length);
        Assert.Equal(0, rows[0].Start);
        Assert.Equal(video.DurationSeconds, rows[^1].End);
        for (int i = 1; i < rows.Length; i++) Assert.Equal(rows[i - 1].End, rows[i].Start);
        Assert.All(rows, r => Assert.Equal("test/scenes-0003.mp4", r.Video));
        Assert.Equal(video.Scenes[1].FirstFrame / 25.0, rows[1].Start);
    }

    [Theory]
    [InlineData(-1, 1, 1, 25, "train")]
    [InlineData(1, 1, 1, 0, "frame rate")]
    [InlineData(0, 0, 0, 25, "At least one video")]
    [InlineData(1, 10_001, 1, 25, "validation")]
    public void Plan_BadOptions_ThrowInvalidInputNamingTheValue(int train, int validation, int test, int fps, string named)
    {
        var e = Assert.Throws<SceneSetException>(() => ScenePlanner.Plan(Options(1, train, validation, test, fps)));
        Assert.Equal(Core.Errors.ErrorKind.InvalidInput, e.Kind);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    private static void AssertInView(VideoPlan video, ScenePoint centre, double radius, double share, string where)
    {
        double keep = share * radius;
        // 1e-9: the planner's bounds are the same doubles computed in another order.
        Assert.True(centre.X - keep >= -1e-9 && centre.X + keep <= video.Width + 1e-9 &&
                    centre.Y - keep >= -1e-9 && centre.Y + keep <= video.Height + 1e-9,
            $"{where}: centre {centre} radius {radius:F1} leaves the {video.Width}x{video.Height} frame");
    }
}
