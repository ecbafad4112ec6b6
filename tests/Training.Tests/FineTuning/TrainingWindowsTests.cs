using VideoSearch.Core.Media;
using VideoSearch.Training.FineTuning;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Tests.FineTuning;

public sealed class TrainingWindowsTests
{
    private static readonly ClipPlanOptions Windows = new(4.0, 1.0, 8);

    [Fact]
    public void Plan_TakesIndexingWindowsInsideEachRow_WithTheIndexingFrameTimes()
    {
        var rows = new[] { (0, new TrainingRow("v.mp4", 0, 6, "a")), (1, new TrainingRow("v.mp4", 6, 10.5, "b")) };
        var (clips, owners) = TrainingWindows.Plan(rows, Windows);
        Assert.Equal([0.0, 1.0, 2.0, 6.0, 6.5], clips.Select(c => c.StartSeconds));
        Assert.Equal([0, 0, 0, 1, 1], owners);
        Assert.Equal(Enumerable.Range(0, clips.Count), clips.Select(c => c.Index));
        foreach (Clip clip in clips)
        {
            var (row, _) = rows[owners[clip.Index]];
            Assert.InRange(clip.StartSeconds, rows[row].Item2.Start, rows[row].Item2.End);
            Assert.InRange(clip.EndSeconds, rows[row].Item2.Start, rows[row].Item2.End);
            // The same times the indexer's plan gives a window starting there.
            Clip planned = ClipPlanner.Plan(clip.EndSeconds - clip.StartSeconds, Windows)[0];
            Assert.Equal(planned.FrameTimestamps.Select(t => Math.Round(t + clip.StartSeconds, 6)), clip.FrameTimestamps);
        }
    }

    [Fact]
    public void Plan_RowShorterThanAWindow_GivesOneWindowSpanningIt()
    {
        var (clips, _) = TrainingWindows.Plan([(0, new TrainingRow("v.mp4", 2, 3, "a"))], Windows);
        Assert.Single(clips);
        Assert.Equal((2.0, 3.0), (clips[0].StartSeconds, clips[0].EndSeconds));
        Assert.Equal(8, clips[0].FrameTimestamps.Count);
    }
}
