namespace VideoSearch.Core.Classification;

/// <summary>
/// Picks <c>num_frames</c> consecutive frames the way the X-CLIP model card's example does
/// (<c>sample_frame_indices(clip_len, frame_sample_rate=1, seg_len)</c>): a random end index in
/// <c>[clip_len, seg_len)</c>, the window before it, indices spread with <c>linspace</c> and clipped.
/// A fixed start replaces the random draw. A video with fewer frames than needed repeats its frames instead of failing.
/// </summary>
public static class ConsecutiveFrameSampler
{
    /// <summary>Frame indices for a random window (seeded when <paramref name="seed"/> is given).</summary>
    public static long[] RandomWindow(int numFrames, long frameCount, int? seed)
    {
        Validate(numFrames, frameCount);
        var random = seed is int s ? new Random(s) : Random.Shared;
        // numpy's randint(low, high) excludes high, as Random.NextInt64(min, max) does.
        long end = frameCount > numFrames ? random.NextInt64(numFrames, frameCount) : Math.Min(numFrames, frameCount);
        return Spread(numFrames, end - Math.Min(numFrames, end), end);
    }

    /// <summary>Frame indices for the window starting at frame <paramref name="startFrame"/>.</summary>
    public static long[] FixedWindow(int numFrames, long frameCount, long startFrame)
    {
        Validate(numFrames, frameCount);
        if (startFrame < 0) throw new ArgumentOutOfRangeException(nameof(startFrame), startFrame, "the window cannot start before the video");
        long start = Math.Min(startFrame, Math.Max(0, frameCount - numFrames));
        return Spread(numFrames, start, Math.Min(frameCount, start + numFrames));
    }

    private static long[] Spread(int numFrames, long start, long end)
    {
        // np.linspace(start, end, num) then np.clip(start, end - 1) and astype(int64), which truncates.
        var indices = new long[numFrames];
        for (int k = 0; k < numFrames; k++)
        {
            double value = numFrames == 1 ? start : start + (end - start) * (double)k / (numFrames - 1);
            indices[k] = (long)Math.Clamp(value, start, end - 1);
        }
        return indices;
    }

    private static void Validate(int numFrames, long frameCount)
    {
        if (numFrames < 1) throw new ArgumentOutOfRangeException(nameof(numFrames), numFrames, "at least one frame is needed");
        if (frameCount < 1) throw new ArgumentOutOfRangeException(nameof(frameCount), frameCount, "the video has no frames");
    }
}
