namespace VideoSearch.Core.Media;

/// <summary>
/// ffmpeg's arithmetic for an input seek (<c>-ss S</c> before <c>-i</c>, ffmpeg 5.1), reproduced so that one pass
/// from one seek point picks exactly the frames a separate seek per clip picks.
/// <para>
/// With <c>-ss S</c>, ffmpeg adds <c>av_rescale_q(-(S + start_time), 1/1000000, time_base)</c> ticks to every
/// timestamp (S and the container's start time in microseconds, rounded half away from zero to the stream's
/// time base), and <c>select</c> compares <c>t = pts * av_q2d(time_base)</c> with the requested time minus S.
/// The rounding of that offset depends on S, so a coarse time base (AVI's 1/15 is a whole frame) shifts the frame
/// the per-clip path picks by up to half a tick, differently for each clip. The pass therefore does not reuse the
/// clip's time: it asks for the exact tick the clip's own seek would have answered.
/// </para>
/// </summary>
internal static class SeekArithmetic
{
    /// <summary>Ticks ffmpeg adds to each timestamp of the stream for <c>-ss <paramref name="seekSeconds"/></c>.</summary>
    public static long OffsetTicks(double seekSeconds, double startTimeSeconds, StreamTimeBase timeBase)
    {
        long microseconds = -(Microseconds(seekSeconds) + Microseconds(startTimeSeconds));
        return RescaleNearInf(microseconds, timeBase.Denominator, timeBase.Numerator * 1_000_000L);
    }

    /// <summary>
    /// The time, relative to a pass that seeks to <paramref name="passStart"/>, of the first frame the per-clip path
    /// seeking to <paramref name="clipStart"/> keeps for <paramref name="time"/>: the select there keeps the first
    /// tick p with <c>p * av_q2d(tb) &gt;= Exact(time - clipStart)</c>; this returns that tick, moved into the pass's
    /// offset, times <c>av_q2d(tb)</c>, which the pass's select and <see cref="ShowInfoLog"/> compute the same way.
    /// </summary>
    public static double PassThreshold(double time, double clipStart, double passStart, double startTimeSeconds, StreamTimeBase timeBase)
    {
        double relative = FrameExtractor.Exact(FrameExtractor.Exact(time) - clipStart);
        long delta = OffsetTicks(clipStart, startTimeSeconds, timeBase) - OffsetTicks(passStart, startTimeSeconds, timeBase);
        double tick = timeBase.Seconds;
        // A first guess, then exact steps with the very double arithmetic select uses.
        long m = (long)Math.Ceiling(relative / tick) - delta;
        while ((m - 1 + delta) * tick >= relative) m--;
        while (!((m + delta) * tick >= relative)) m++;
        return m * tick;
    }

    /// <summary>Seconds as the microseconds ffmpeg parses from the same decimal text (at most six decimals).</summary>
    private static long Microseconds(double seconds) => (long)Math.Round(seconds * 1e6, MidpointRounding.AwayFromZero);

    /// <summary><c>av_rescale_rnd(a, b, c, AV_ROUND_NEAR_INF)</c>: a * b / c rounded half away from zero.</summary>
    private static long RescaleNearInf(long a, long b, long c)
    {
        if (a < 0) return -RescaleNearInf(-a, b, c);
        return (long)(((Int128)a * b + c / 2) / c);
    }
}
