using System.Text.Json;
using VideoSearch.Core.Preprocessing;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Preprocessing;

public class PreprocessorConfigTests
{
    private static readonly double[] s_imageNetMean = [0.485, 0.456, 0.406];
    private static readonly double[] s_imageNetStd = [0.229, 0.224, 0.225];

    [Fact]
    public void Parse_XClipBasePatch32File_GivesEffectiveSettingsOfKit()
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Reference("preprocess"), "cases.json")));
        string json = cases.RootElement.GetProperty("preprocessor_config").GetRawText();
        var effective = cases.RootElement.GetProperty("effective_settings");

        var config = PreprocessorConfig.Parse(json, "xclip-base-patch32");

        Assert.Equal(effective.GetProperty("size").GetProperty("shortest_edge").GetInt32(), config.Size.ShortestEdge);
        Assert.Null(config.Size.Exact);
        Assert.Equal(new ImageSize(
            effective.GetProperty("crop_size").GetProperty("height").GetInt32(),
            effective.GetProperty("crop_size").GetProperty("width").GetInt32()), config.CropSize);
        Assert.True(config.DoResize && config.DoCenterCrop && config.DoRescale && config.DoNormalize);
        Assert.Equal(effective.GetProperty("rescale_factor").GetDouble(), config.RescaleFactor);
        Assert.Equal(effective.GetProperty("image_mean").EnumerateArray().Select(e => e.GetDouble()), config.ImageMean);
        Assert.Equal(effective.GetProperty("image_std").EnumerateArray().Select(e => e.GetDouble()), config.ImageStd);
    }

    [Fact]
    public void FromFolder_XClipTinyClipVocab_Reads32PixelSettings()
    {
        var config = PreprocessorConfig.FromFolder(Fixtures.Reference("xclip-tiny-clipvocab"));

        Assert.Equal(32, config.Size.ShortestEdge);
        Assert.Equal(new ImageSize(32, 32), config.CropSize);
        Assert.Equal(0.00392156862745098, config.RescaleFactor);
        Assert.Equal(s_imageNetMean, config.ImageMean);
        Assert.Equal(s_imageNetStd, config.ImageStd);
        Assert.Equal(new ImageSize(32, 32), new VideoMaeImageProcessor(config).OutputSize(new ImageSize(240, 320)));
    }

    [Fact]
    public void FromFolder_NoConfigFile_GivesXClipBasePatch32Defaults()
    {
        string folder = Directory.CreateTempSubdirectory("vs-preprocess-").FullName;
        try
        {
            var config = PreprocessorConfig.FromFolder(folder);

            Assert.Same(PreprocessorConfig.Default, config);
            Assert.Equal(224, config.Size.ShortestEdge);
            Assert.Equal(new ImageSize(224, 224), config.CropSize);
            Assert.Equal(s_imageNetMean, config.ImageMean);
            Assert.Equal(s_imageNetStd, config.ImageStd);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void FromFolder_MissingFolder_ThrowsNamingIt()
    {
        string folder = Path.Combine(Path.GetTempPath(), "vs-no-such-model-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<PreprocessorConfigException>(() => PreprocessorConfig.FromFolder(folder));

        Assert.Contains(folder, e.Message);
    }

    [Fact]
    public void Parse_NoMeanOrStd_UsesClassDefaultHalf()
    {
        var config = PreprocessorConfig.Parse("""{"size": 224, "resample": 2}""", "test");

        Assert.Equal([0.5, 0.5, 0.5], config.ImageMean);
        Assert.Equal([0.5, 0.5, 0.5], config.ImageStd);
    }

    [Fact]
    public void Parse_EmptyObject_TakesAllClassDefaults()
    {
        var config = PreprocessorConfig.Parse("{}", "test");

        Assert.Equal(PreprocessorConfig.ClassDefaults.Size, config.Size);
        Assert.Equal(224, config.Size.ShortestEdge);
        Assert.Equal(new ImageSize(224, 224), config.CropSize);
        Assert.Equal(1.0 / 255.0, config.RescaleFactor);
    }

    [Fact]
    public void Parse_LegacyIntSize_IsShortestEdge()
    {
        var config = PreprocessorConfig.Parse("""{"size": 160, "crop_size": 128}""", "test");

        Assert.Equal(160, config.Size.ShortestEdge);
        Assert.Equal(new ImageSize(128, 128), config.CropSize);
    }

    [Fact]
    public void Parse_HeightWidthSize_IsExact()
    {
        var config = PreprocessorConfig.Parse("""{"size": {"height": 100, "width": 150}, "crop_size": [90, 120]}""", "test");

        Assert.Null(config.Size.ShortestEdge);
        Assert.Equal(new ImageSize(100, 150), config.Size.Exact);
        Assert.Equal(new ImageSize(100, 150), config.Size.OutputSize(new ImageSize(720, 1280)));
        Assert.Equal(new ImageSize(90, 120), config.CropSize);
    }

    [Fact]
    public void Parse_ScalarMeanAndStd_AppliesToAllChannels()
    {
        var config = PreprocessorConfig.Parse("""{"image_mean": 0.25, "image_std": 2}""", "test");

        Assert.Equal([0.25, 0.25, 0.25], config.ImageMean);
        Assert.Equal([2.0, 2.0, 2.0], config.ImageStd);
    }

    [Theory]
    [InlineData("""{"resample": 3}""", "resample")]
    [InlineData("""{"resample": "bilinear"}""", "resample")]
    [InlineData("""{"size": {"longest_edge": 224}}""", "longest_edge")]
    [InlineData("""{"size": {"shortest_edge": 224, "longest_edge": 400}}""", "longest_edge")]
    [InlineData("""{"size": 0}""", "size")]
    [InlineData("""{"size": "224"}""", "size")]
    [InlineData("""{"crop_size": {"shortest_edge": 224}}""", "crop_size")]
    [InlineData("""{"crop_size": [224]}""", "crop_size")]
    [InlineData("""{"image_mean": [0.5, 0.5]}""", "image_mean")]
    [InlineData("""{"image_std": [0.5, 0, 0.5]}""", "image_std")]
    [InlineData("""{"do_resize": "yes"}""", "do_resize")]
    [InlineData("""{"image_processor_type": "CLIPImageProcessor"}""", "CLIPImageProcessor")]
    [InlineData("""[1, 2]""", "object")]
    [InlineData("""{"size": 224""", "JSON")]
    public void Parse_Unsupported_ThrowsNamingTheValue(string json, string expectedInMessage)
    {
        var e = Assert.Throws<PreprocessorConfigException>(() => PreprocessorConfig.Parse(json, "model/preprocessor_config.json"));

        Assert.Contains("model/preprocessor_config.json", e.Message);
        Assert.Contains(expectedInMessage, e.Message);
    }

    [Fact]
    public void FromFolder_UnsupportedFile_ThrowsNamingThePath()
    {
        string folder = Directory.CreateTempSubdirectory("vs-preprocess-").FullName;
        try
        {
            string path = Path.Combine(folder, PreprocessorConfig.FileName);
            File.WriteAllText(path, """{"resample": 3, "size": 224}""");

            var e = Assert.Throws<PreprocessorConfigException>(() => PreprocessorConfig.FromFolder(folder));

            Assert.Contains(path, e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(240, 320, 224, 298)]
    [InlineData(320, 240, 298, 224)]
    [InlineData(60, 900, 224, 3360)]
    [InlineData(187, 333, 224, 398)]
    [InlineData(224, 224, 224, 224)]
    public void OutputSize_ShortestEdge_KeepsAspectAndTruncates(int height, int width, int expectedHeight, int expectedWidth)
    {
        Assert.Equal(new ImageSize(expectedHeight, expectedWidth), ResizeSize.ToShortestEdge(224).OutputSize(new ImageSize(height, width)));
    }
}
