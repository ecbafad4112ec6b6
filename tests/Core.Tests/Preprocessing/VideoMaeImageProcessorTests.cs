using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Preprocessing;

public class VideoMaeImageProcessorTests
{
    // Crop only, no resize: outputs are the table values of the input bytes, so they can be checked exactly.
    private static readonly PreprocessorConfig s_cropOnly = PreprocessorConfig.Default with
    {
        DoResize = false,
        CropSize = new ImageSize(8, 8),
    };

    [Theory]
    [InlineData(4, 6)]   // smaller in both directions, even margins
    [InlineData(5, 3)]   // odd margins: transformers puts the extra padding row/column first (ceil)
    [InlineData(12, 5)]  // taller than the crop, narrower: crop rows, pad columns
    public void Preprocess_FrameSmallerThanCrop_PadsLikeTransformersCenterCrop(int height, int width)
    {
        var frame = Gradient(width, height);
        var processor = new VideoMaeImageProcessor(s_cropOnly);
        var output = new float[3 * 8 * 8];

        processor.Preprocess(frame, output);

        // transformers' center_crop: top = (h - 8) // 2 (floor, also when negative); outside the frame: byte 0.
        int top = (int)Math.Floor((height - 8) / 2.0), left = (int)Math.Floor((width - 8) / 2.0);
        for (int c = 0; c < 3; c++)
        for (int y = 0; y < 8; y++)
        for (int x = 0; x < 8; x++)
        {
            int sy = y + top, sx = x + left;
            byte v = sy >= 0 && sy < height && sx >= 0 && sx < width ? frame.Pixels[(sy * width + sx) * 3 + c] : (byte)0;
            Assert.Equal(Normalised(v, c), output[(c * 8 + y) * 8 + x]);
        }
    }

    [Fact]
    public void Preprocess_TinyModelConfig_IsCentreCropOfFullResize()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.FromFolder(Fixtures.Reference("xclip-tiny-clipvocab")));
        var frame = Gradient(320, 240);
        var resized = new byte[32 * 42 * 3]; // 240x320 -> shortest edge 32: 32 x int(32 * 320 / 240) = 32 x 42
        PilBilinearResizer.Resize(frame.Pixels, new ImageSize(240, 320), resized, new ImageSize(32, 42));
        var output = new float[3 * 32 * 32];

        processor.Preprocess(frame, output);

        for (int c = 0; c < 3; c++)
        for (int y = 0; y < 32; y++)
        for (int x = 0; x < 32; x++)
            Assert.Equal(Normalised(resized[(y * 42 + x + 5) * 3 + c], c), output[(c * 32 + y) * 32 + x]); // left = (42 - 32) // 2
    }

    [Fact]
    public void Preprocess_NoCenterCrop_OutputIsResizedFrame()
    {
        var config = PreprocessorConfig.Default with { DoCenterCrop = false, Size = ResizeSize.ToShortestEdge(6) };
        var processor = new VideoMaeImageProcessor(config);
        var frame = Gradient(20, 10);
        var size = processor.OutputSize(new ImageSize(10, 20));
        var resized = new byte[size.Height * size.Width * 3];
        PilBilinearResizer.Resize(frame.Pixels, new ImageSize(10, 20), resized, size);
        var output = new float[3 * size.Height * size.Width];

        processor.Preprocess(frame, output);

        Assert.Equal(new ImageSize(6, 12), size);
        for (int i = 0; i < size.Height * size.Width; i++)
            for (int c = 0; c < 3; c++)
                Assert.Equal(Normalised(resized[i * 3 + c], c), output[c * size.Height * size.Width + i]);
    }

    [Fact]
    public void Preprocess_NoRescaleNoNormalise_OutputsByteValues()
    {
        var config = s_cropOnly with { DoRescale = false, DoNormalize = false };
        var frame = Gradient(8, 8);
        var output = new float[3 * 64];

        new VideoMaeImageProcessor(config).Preprocess(frame, output);

        Assert.Equal(frame.Pixels[(2 * 8 + 5) * 3 + 1], output[64 + 2 * 8 + 5]);
    }

    [Fact]
    public void Preprocess_DestinationWrongLength_Throws()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);

        var e = Assert.Throws<ArgumentException>(() => processor.Preprocess(Gradient(300, 200), new float[3 * 224 * 223]));

        Assert.Contains("150528", e.Message);
    }

    [Fact]
    public void PreprocessVideos_EmptyBatch_Throws()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);

        Assert.Throws<PreprocessingInputException>(() => processor.PreprocessVideos([]));
    }

    [Fact]
    public void PreprocessVideos_VideoWithoutFrames_Throws()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);

        var e = Assert.Throws<PreprocessingInputException>(() => processor.PreprocessVideos([[Gradient(8, 8)], []]));

        Assert.Contains("Video 1", e.Message);
    }

    [Fact]
    public void PreprocessVideos_UnequalFrameCounts_ThrowsNamingCounts()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);

        var e = Assert.Throws<PreprocessingInputException>(() =>
            processor.PreprocessVideos([[Gradient(8, 8), Gradient(8, 8)], [Gradient(8, 8)]]));

        Assert.Contains("video 0 has 2", e.Message);
        Assert.Contains("video 1 has 1", e.Message);
    }

    [Fact]
    public void PreprocessVideos_NoCropAndDifferentAspect_Throws()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default with { DoCenterCrop = false });

        Assert.Throws<PreprocessingInputException>(() => processor.PreprocessVideos([[Gradient(40, 30)], [Gradient(30, 40)]]));
    }

    [Fact]
    public void PreprocessVideos_MoreValuesThanOneArrayHolds_ThrowsBeforeAllocating()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default);
        var frame = Gradient(8, 8);
        var video = Enumerable.Repeat(frame, 15_000).ToList(); // 15000 * 3 * 224 * 224 > Array.MaxLength

        var e = Assert.Throws<PreprocessingInputException>(() => processor.PreprocessVideos([video]));

        Assert.Contains("15000", e.Message);
    }

    [Fact]
    public void PreprocessVideos_MixedSizes_ShapeAndPerFrameValues()
    {
        var processor = new VideoMaeImageProcessor(PreprocessorConfig.Default with
        {
            Size = ResizeSize.ToShortestEdge(16),
            CropSize = new ImageSize(16, 16),
        });
        var a = Gradient(40, 30);
        var b = Gradient(17, 33);

        var batch = processor.PreprocessVideos([[a, b], [b, a]]);

        Assert.Equal([2L, 2, 3, 16, 16], batch.Shape);
        var single = new float[3 * 16 * 16];
        processor.Preprocess(b, single);
        Assert.Equal(single, batch.Frame(0, 1).ToArray());
        Assert.Equal(single, batch.Frame(1, 0).ToArray());
    }

    [Fact]
    public void PreprocessVideos_ReusedDestination_OverwritesEveryValue()
    {
        var processor = new VideoMaeImageProcessor(s_cropOnly);
        var videos = new[] { new[] { Gradient(5, 3), Gradient(12, 9) } };
        var expected = processor.PreprocessVideos(videos);
        var buffer = Enumerable.Repeat(float.NaN, expected.Data.Length).ToArray();

        var actual = processor.PreprocessVideos(videos, buffer);

        Assert.Same(buffer, actual.Data);
        Assert.Equal(expected.Data, buffer);
    }

    [Fact]
    public void PreprocessVideos_DestinationWrongLength_ThrowsNamingShape()
    {
        var processor = new VideoMaeImageProcessor(s_cropOnly);

        var e = Assert.Throws<ArgumentException>(() => processor.PreprocessVideos([[Gradient(8, 8)]], new float[10]));

        Assert.Contains("[1, 1, 3, 8, 8]", e.Message);
    }

    [Fact]
    public void Constructor_InvalidConfig_Throws()
    {
        var config = PreprocessorConfig.Default with { ImageStd = [0.2, 0.2] };

        Assert.Throws<PreprocessorConfigException>(() => new VideoMaeImageProcessor(config));
    }

    [Fact]
    public void RgbFrame_WrongPixelCount_ThrowsNamingNumbers()
    {
        var e = Assert.Throws<ArgumentException>(() => new RgbFrame(4, 3, new byte[35], 0));

        Assert.Contains("36", e.Message);
        Assert.Contains("35", e.Message);
    }

    /// <summary>transformers' rescale (float64 multiply, float32 result) and normalise (float32), for the defaults.</summary>
    private static float Normalised(byte v, int channel)
    {
        float x = (float)(v * (1.0 / 255.0));
        return (x - (float)PreprocessorConfig.Default.ImageMean[channel]) / (float)PreprocessorConfig.Default.ImageStd[channel];
    }

    /// <summary>A frame whose every byte differs from its neighbours (and none is 0), so misplaced pixels show.</summary>
    private static RgbFrame Gradient(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(1 + (i * 7) % 251);
        return new RgbFrame(width, height, pixels, 0);
    }
}
