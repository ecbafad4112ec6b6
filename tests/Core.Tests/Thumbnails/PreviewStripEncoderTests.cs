using SkiaSharp;
using VideoSearch.Core.Media;
using VideoSearch.Core.Thumbnails;

namespace VideoSearch.Core.Tests.Thumbnails;

public class PreviewStripEncoderTests
{
    [Theory]
    [InlineData(8, new[] { 0, 2, 4, 6 })]
    [InlineData(16, new[] { 0, 4, 8, 12 })]
    [InlineData(6, new[] { 0, 1, 3, 4 })]
    [InlineData(4, new[] { 0, 1, 2, 3 })]
    [InlineData(1, new[] { 0, 0, 0, 0 })]
    public void FrameIndices_FrameCount_EvenlySpacedFromTheFirst(int frameCount, int[] expected) =>
        Assert.Equal(expected, PreviewStripEncoder.FrameIndices(frameCount));

    [Theory]
    [InlineData(320, 240, 120)] // 4:3
    [InlineData(1920, 1080, 160)] // 16:9
    [InlineData(360, 640, 50)] // portrait: 50.6 rounds to the even 50
    [InlineData(3, 1000, 2)] // never narrower than 2
    [InlineData(10000, 10, 360)] // never wider than 4 heights
    public void TileSize_FrameSize_FixedHeightEvenWidthByAspect(int width, int height, int tileWidth) =>
        Assert.Equal((tileWidth, 90), new PreviewStripEncoder().TileSize(width, height));

    [Fact]
    public void Encode_EightFrames_FourEqualTilesOfFramesZeroTwoFourSixInOrder()
    {
        // Eight flat frames of clearly different colours: each tile's colour tells which frame it shows.
        RgbFrame[] frames = Enumerable.Range(0, 8).Select(k => Flat(320, 240, Colour(k), k * 0.5)).ToArray();

        byte[] jpeg = new PreviewStripEncoder().Encode(frames);

        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        using var strip = SKBitmap.Decode(jpeg);
        Assert.Equal((480, 90), (strip.Width, strip.Height));
        int[] shown = [0, 2, 4, 6];
        for (int tile = 0; tile < 4; tile++)
        {
            // Two pixels inside each edge of the tile: equal widths put both edges where 4 x 120 says. A flat colour
            // survives JPEG within a few levels; 4:2:0 chroma blurs at most a 2-pixel block across a tile edge, and
            // the nearest other colour used here is 60 levels away in some channel.
            foreach (int x in new[] { tile * 120 + 2, tile * 120 + 60, tile * 120 + 117 })
                AssertClose(Colour(shown[tile]), strip.GetPixel(x, 45), $"tile {tile} at x={x}");
        }
    }

    [Fact]
    public void Encode_FramesOfDifferentSizes_Throws()
    {
        RgbFrame[] frames = [Flat(320, 240, Colour(0), 0), Flat(160, 120, Colour(1), 1)];

        Assert.Throws<ArgumentException>(() => new PreviewStripEncoder().Encode(frames));
    }

    private static (byte R, byte G, byte B) Colour(int k) => ((byte)(k * 30), (byte)(255 - k * 30), (byte)(k % 2 * 200 + 20));

    private static RgbFrame Flat(int width, int height, (byte R, byte G, byte B) colour, double seconds)
    {
        var pixels = new byte[width * height * 3];
        for (int p = 0; p < pixels.Length; p += 3) (pixels[p], pixels[p + 1], pixels[p + 2]) = colour;
        return new RgbFrame(width, height, pixels, seconds);
    }

    private static void AssertClose((byte R, byte G, byte B) expected, SKColor actual, string where)
    {
        int difference = Math.Max(Math.Abs(expected.R - actual.Red), Math.Max(Math.Abs(expected.G - actual.Green), Math.Abs(expected.B - actual.Blue)));
        Assert.True(difference <= 12, $"{where}: expected {expected}, got {actual}");
    }
}
