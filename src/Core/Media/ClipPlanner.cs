namespace VideoSearch.Core.Media;

/// <summary>
/// Cuts a video into a deterministic sequence of clips. Windows start every stride from 0. When those windows leave
/// an uncovered tail, one more window is placed to end exactly at the video's end, but only if its start is at least
/// half a stride after the previous window's start; otherwise the previous window is extended to the video's end and
/// is the last (the extend rule), so it is up to half a stride longer than the others. No two clips therefore start
/// closer than half a stride (a 30.003 s video gets 24-28 and 26-30.003, not 26-30 and a near-duplicate
/// 26.003-30.003), every clip but the first starts on the stride grid or on the end-aligned position, and the last
/// clip always ends at the video's end. A video shorter than one window gives one clip spanning all of it.
/// <para>
/// Extending rather than shifting the previous window keeps the plan gap-free for every option: shifting a window
/// later would uncover the start of a video barely longer than one window (4.5 s would lose 0-0.5 s) and, when the
/// stride equals the window, open a gap before the shifted window.
/// </para>
/// Inside a window the frames sit at the centres of equal segments (X-CLIP's segment-based sampling without the
/// random jitter): for N frames over [s, e], s + (i + 0.5) (e - s) / N. A video with fewer frames than N simply has
/// several times land on the same frame, which the extractor returns repeatedly. Times are seconds from the start of
/// the file and rounded to microseconds (the end of the last clip is the duration rounded the same way), so the same
/// inputs always give the same plan.
/// </summary>
public static class ClipPlanner
{
    /// <summary>Durations and starts closer than this (half the rounding step) are the same instant.</summary>
    private const double Epsilon = 1e-6;

    /// <summary>Plans the clips of a probed video.</summary>
    public static IReadOnlyList<Clip> Plan(VideoInfo video, ClipPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(video);
        return Plan(video.DurationSeconds, options);
    }

    /// <summary>Plans the clips of a video of <paramref name="durationSeconds"/> (positive).</summary>
    public static IReadOnlyList<Clip> Plan(double durationSeconds, ClipPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(durationSeconds) || durationSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds, "A video to plan needs a positive duration.");
        }

        double end = Round(durationSeconds);
        double window = options.WindowSeconds;
        double stride = options.StrideSeconds;
        var starts = new List<double>();
        for (long k = 0; ; k++)
        {
            double start = Round(k * stride);
            starts.Add(start);
            if (start + window >= end - Epsilon) break;
            double next = Round((k + 1) * stride);
            if (next + window < end - Epsilon) continue;

            // The regular windows stop short of the end: end-align the next one if it is far enough from this one,
            // else this one becomes the last and is extended (see the class comment).
            double aligned = Round(end - window);
            if (aligned - start >= stride / 2 - Epsilon) starts.Add(aligned);
            break;
        }

        var clips = new List<Clip>(starts.Count);
        for (int i = 0; i < starts.Count; i++)
        {
            double clipEnd = i == starts.Count - 1 ? end : Round(starts[i] + window);
            clips.Add(MakeClip(i, starts[i], clipEnd, options.NumFrames));
        }
        return clips;
    }

    private static Clip MakeClip(int index, double start, double end, int numFrames)
    {
        double segment = (end - start) / numFrames;
        var times = new double[numFrames];
        for (int i = 0; i < numFrames; i++) times[i] = Round(start + (i + 0.5) * segment);
        return new Clip(index, start, end, times);
    }

    private static double Round(double seconds) => Math.Round(seconds, 6, MidpointRounding.AwayFromZero);
}
