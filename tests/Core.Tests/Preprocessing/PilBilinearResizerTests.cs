using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Core.Tests.Preprocessing;

public class PilBilinearResizerTests
{
    [Theory]
    [InlineData(37, 23, 11, 50)]   // shrink width, grow height
    [InlineData(64, 48, 19, 13)]   // shrink both
    [InlineData(10, 7, 31, 29)]    // grow both
    [InlineData(30, 20, 30, 9)]    // height only
    [InlineData(30, 20, 12, 20)]   // width only
    [InlineData(30, 20, 30, 20)]   // unchanged
    public void ResizeRegion_AnyWindow_EqualsWindowOfFullResize(int width, int height, int outWidth, int outHeight)
    {
        var random = new Random(width * 1000 + height);
        var source = new byte[width * height * 3];
        random.NextBytes(source);
        var size = new ImageSize(outHeight, outWidth);
        var full = new byte[outHeight * outWidth * 3];
        PilBilinearResizer.Resize(source, new ImageSize(height, width), full, size);

        for (int trial = 0; trial < 20; trial++)
        {
            int top = random.Next(outHeight), left = random.Next(outWidth);
            var region = new ImageSize(random.Next(1, outHeight - top + 1), random.Next(1, outWidth - left + 1));
            var window = new byte[region.Height * region.Width * 3];

            PilBilinearResizer.ResizeRegion(source, new ImageSize(height, width), size, top, left, region, window);

            for (int y = 0; y < region.Height; y++)
                Assert.Equal(
                    full.AsSpan(((top + y) * outWidth + left) * 3, region.Width * 3).ToArray(),
                    window.AsSpan(y * region.Width * 3, region.Width * 3).ToArray());
        }
    }

    [Fact]
    public void Resize_SameSize_CopiesBytes()
    {
        var source = new byte[5 * 4 * 3];
        new Random(1).NextBytes(source);
        var destination = new byte[source.Length];

        PilBilinearResizer.Resize(source, new ImageSize(4, 5), destination, new ImageSize(4, 5));

        Assert.Equal(source, destination);
    }

    [Fact]
    public void Resize_UniformImage_StaysUniform()
    {
        // Each tap set sums to 1.0 (within fixed-point rounding), so a flat colour must come back unchanged.
        var source = Enumerable.Repeat(new byte[] { 200, 17, 255 }, 50 * 30).SelectMany(p => p).ToArray();
        var destination = new byte[7 * 123 * 3];

        PilBilinearResizer.Resize(source, new ImageSize(30, 50), destination, new ImageSize(7, 123));

        for (int i = 0; i < destination.Length; i += 3) Assert.Equal(new byte[] { 200, 17, 255 }, destination[i..(i + 3)]);
    }

    [Fact]
    public void Resize_HalvingWidth_UsesWidenedTriangle()
    {
        // Halving: PIL widens the triangle to support 2, so output 0 (centre 1.0) reads inputs 0..2 with weights
        // 0.75, 0.75, 0.25 normalised to 3/7, 3/7, 1/7: (0*3 + 40*3 + 80) / 7 = 28.6 -> 29; output 1 reads inputs 1..3
        // with 1/7, 3/7, 3/7: (40 + 80*3 + 120*3) / 7 = 91.4 -> 91. Plain bilinear would give 20 and 100.
        var source = new byte[] { 0, 0, 0, 40, 40, 40, 80, 80, 80, 120, 120, 120 };
        var destination = new byte[2 * 3];

        PilBilinearResizer.Resize(source, new ImageSize(1, 4), destination, new ImageSize(1, 2));

        Assert.Equal(new byte[] { 29, 29, 29, 91, 91, 91 }, destination);
    }

    [Fact]
    public void Resize_WrongBufferLength_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            PilBilinearResizer.Resize(new byte[10], new ImageSize(2, 2), new byte[12], new ImageSize(2, 2)));

        Assert.Contains("12", e.Message);
    }
}
