namespace VideoSearch.Core.Media;

/// <summary>
/// Cuts a video into a deterministic sequence of clips. Windows start every stride from 0; the last window is
/// aligned to the end of the video so the whole length is covered; a video shorter than one window gives one
/// clip spanning all of it. Inside a window the frames sit at the centres of equal segments (X-CLIP's
/// segment-based sampling without the random jitter): for N frames over [s, e], s + (i + 0.5) (e - s) / N.
/// A video with fewer frames than N simply has several times land on the same frame, which the extractor
/// returns repeatedly. Times are seconds from the start of the file and rounded to microseconds, so the same
/// inputs always give the same plan.
/// </summary>
public static class ClipPlanner
{
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

        double window = Math.Min(options.WindowSeconds, durationSeconds);
        var clips = new List<Clip>();
        for (long k = 0; ; k++)
        {
            double start = Round(k * options.StrideSeconds);
            bool reachesEnd = start + window >= durationSeconds - 1e-6;
            if (reachesEnd) start = Round(durationSeconds - window);
            if (clips.Count > 0 && start <= clips[^1].StartSeconds) break;
            clips.Add(MakeClip(clips.Count, start, Round(start + window), options.NumFrames));
            if (reachesEnd) break;
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
