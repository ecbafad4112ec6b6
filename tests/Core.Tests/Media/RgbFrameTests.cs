using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class RgbFrameTests
{
    [Fact]
    public void Constructor_MatchingLength_KeepsPixels()
    {
        var pixels = new byte[2 * 3 * 3];

        var frame = new RgbFrame(2, 3, pixels, 1.5);

        Assert.Same(pixels, frame.Pixels);
        Assert.Equal((2, 3, 1.5), (frame.Width, frame.Height, frame.TimestampSeconds));
    }

    [Fact]
    public void Constructor_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new RgbFrame(2, 3, new byte[17], 0));

    [Fact]
    public void Constructor_ZeroWidth_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RgbFrame(0, 3, [], 0));
}
