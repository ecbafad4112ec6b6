using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class SeekArithmeticTests
{
    private static readonly StreamTimeBase Avi15 = new(1, 15);

    [Theory]
    [InlineData(0.5625, 0.0, -8)]   // 8.4375 ticks, rounded to nearest
    [InlineData(0.0625, 0.0, -1)]   // 0.9375 ticks
    [InlineData(0.5, 0.0, -8)]      // 7.5 ticks: half away from zero, as av_rescale_q
    [InlineData(0.0, -0.1, 2)]      // a negative container start (WebM with Opus) moves timestamps later
    public void OffsetTicks_CoarseTimeBase_RoundsLikeFfmpeg(double seek, double startTime, long expected) =>
        Assert.Equal(expected, SeekArithmetic.OffsetTicks(seek, startTime, Avi15));

    [Fact]
    public void PassThreshold_ClipSeekRoundsDifferently_AsksForTheFrameThatClipsSeekKeeps()
    {
        // AVI at 15 fps, one tick per frame (frame k at k/15 s). The clip seeking to 0.5625 s is offset by -8 ticks,
        // so its select keeps frame 8 (0.533 s) for 0.5625 s; a pass seeking to 0.0625 s (offset -1) must ask for
        // that frame, 7 ticks after its own start, not for 0.5 s after it (which would keep frame 9).
        double threshold = SeekArithmetic.PassThreshold(0.5625, 0.5625, 0.0625, 0, Avi15);

        Assert.Equal(7 * (1 / 15.0), threshold);
    }

    [Fact]
    public void PassThreshold_FineTimeBaseOnTheStrideGrid_TheTimeItself()
    {
        var mp4 = new StreamTimeBase(1, 12800);

        Assert.Equal(2.0, SeekArithmetic.PassThreshold(2.25, 2.25, 0.25, 0, mp4));
        Assert.Equal(2.5, SeekArithmetic.PassThreshold(2.75, 2.25, 0.25, 0, mp4));
    }
}
