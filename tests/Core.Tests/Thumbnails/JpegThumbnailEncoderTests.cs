using SkiaSharp;
using VideoSearch.Core.Thumbnails;

namespace VideoSearch.Core.Tests.Thumbnails;

public class JpegThumbnailEncoderTests
{
    [Fact]
    public void Encode_LargeFrame_FitsBoundsKeepsAspectAndColour()
    {
        // A 640x360 frame: left half pure red, right half pure blue.
        const int width = 640, height = 360;
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int p = (y * width + x) * 3;
                if (x < width / 2) rgb[p] = 255; else rgb[p + 2] = 255;
            }

        byte[] jpeg = new JpegThumbnailEncoder(maxWidth: 320, maxHeight: 320).Encode(width, height, rgb);

        Assert.Equal(new byte[] { 0xFF, 0xD8 }, jpeg[..2]);
        using var decoded = SKBitmap.Decode(jpeg);
        Assert.Equal(320, decoded.Width);
        Assert.Equal(180, decoded.Height);
        // JPEG is lossy; away from the edge the colours must still be clearly red and clearly blue.
        SKColor left = decoded.GetPixel(40, 90), right = decoded.GetPixel(280, 90);
        Assert.True(left.Red > 200 && left.Blue < 60, $"left pixel {left}");
        Assert.True(right.Blue > 200 && right.Red < 60, $"right pixel {right}");
    }

    [Fact]
    public void Encode_WrongBufferLength_Throws()
    {
        var encoder = new JpegThumbnailEncoder();
        var e = Assert.Throws<ArgumentException>(() => encoder.Encode(4, 4, new byte[10]));
        Assert.Contains("48", e.Message);
    }
}
