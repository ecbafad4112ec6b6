using VideoSearch.Core.Media;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// The clip windows a row contributes: the row's span is planned exactly as indexing plans a video
/// (<see cref="ClipPlanner"/>: windows of the indexing length, the same frame times inside each), only with a denser
/// stride, then moved to the row's start. A row shorter than one window gives one window spanning it, as a short
/// video does. So the model trains on frames sampled the way search will later present them.
/// </summary>
public static class TrainingWindows
{
    /// <summary>The windows of every row of one video, in time order, numbered from 0; <c>Rows[i]</c> is the row of clip i.</summary>
    public static (IReadOnlyList<Clip> Clips, IReadOnlyList<int> Rows) Plan(
        IReadOnlyList<(int Row, TrainingRow Value)> rows, ClipPlanOptions options)
    {
        var windows = new List<(Clip Clip, int Row)>();
        foreach (var (index, row) in rows)
            foreach (Clip clip in ClipPlanner.Plan(row.End - row.Start, options))
                windows.Add((Shift(clip, row.Start), index));
        windows.Sort((a, b) => a.Clip.StartSeconds.CompareTo(b.Clip.StartSeconds));
        var clips = windows.Select((w, i) => w.Clip with { Index = i }).ToArray();
        return (clips, windows.Select(w => w.Row).ToArray());
    }

    private static Clip Shift(Clip clip, double seconds) => new(
        clip.Index, Round(clip.StartSeconds + seconds), Round(clip.EndSeconds + seconds),
        clip.FrameTimestamps.Select(t => Round(t + seconds)).ToArray());

    // The planner's rounding (microseconds), so shifted times are as exact as planned ones.
    private static double Round(double seconds) => Math.Round(seconds, 6, MidpointRounding.AwayFromZero);
}
