using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Tests.Checkpoints;
using System.Text.Json;
using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;
using VideoSearch.Core.Text;
using VideoSearch.Core.Processing;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Processing;

public class XClipProcessorTests
{
    private static readonly Lazy<XClipProcessor> s_fullSize = new(() =>
        // The tiny kit's tokenizer files are CLIP's; preprocessing at the full 224 px comes from the defaults
        // (xclip-base-patch32's values), which are what the preprocess reference kit was made with.
        new XClipProcessor(
            ClipTokenizer.FromFolder(Fixtures.Reference("xclip-tiny-clipvocab")),
            new VideoMaeImageProcessor(PreprocessorConfig.Default)));

    [Fact]
    public void Process_TextsAndVideos_MatchesReferenceTokensAndPixels()
    {
        using var batchJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Reference("clip-tokenizer"), "batch.json")));
        string[] texts = batchJson.RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
        long[] expectedIds = batchJson.RootElement.GetProperty("input_ids").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetInt64()).ToArray();
        long[] expectedMask = batchJson.RootElement.GetProperty("attention_mask").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetInt64()).ToArray();

        using var golden = SafetensorsFile.Open(Path.Combine(Fixtures.Reference("preprocess"), "batch2_400x300_300x400.safetensors"));
        var videos = new[] { "video0/frames", "video1/frames" }.Select(name => Frames(golden, name)).ToArray();

        XClipInputs inputs = s_fullSize.Value.Process(texts, videos);

        Assert.Equal(expectedIds, inputs.Text!.InputIds);
        Assert.Equal(expectedMask, inputs.Text.AttentionMask);
        Assert.Equal(golden.Shape("pixel_values"), inputs.PixelValues!.Shape);
        float[] expected = golden.ReadF32("pixel_values");
        // 1e-5: the preprocess kit's stated bound for a bit-exact resize port (float32 rounding of rescale/normalise).
        double worst = expected.Zip(inputs.PixelValues.Data, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-5, $"max |diff| {worst}");
    }

    [Fact]
    public void Process_TextLongerThanModel_TruncatedToModelMaxLength()
    {
        string longText = string.Join(' ', Enumerable.Repeat("dog", 120));

        XClipInputs inputs = s_fullSize.Value.Process([longText, "a cat"], null);

        Assert.Equal(77, inputs.Text!.Columns);
        Assert.Equal(49407, inputs.Text.InputIds[76]);
        Assert.Equal([true, false], inputs.Text.WasTruncated);
        Assert.Null(inputs.PixelValues);
    }

    [Fact]
    public void Process_NothingGiven_Throws()
    {
        Assert.Throws<ArgumentException>(() => s_fullSize.Value.Process([], null));
    }

    [Fact]
    public void FromFolder_TinyKit_UsesItsPreprocessorConfig()
    {
        var processor = XClipProcessor.FromFolder(Fixtures.Reference("xclip-tiny-clipvocab"));
        var frame = new RgbFrame(64, 48, new byte[64 * 48 * 3], 0);

        XClipInputs inputs = processor.Process(null, [[frame, frame]]);

        Assert.Equal(new long[] { 1, 2, 3, 32, 32 }, inputs.PixelValues!.Shape);
    }

    private static IReadOnlyList<RgbFrame> Frames(SafetensorsFile file, string name)
    {
        long[] shape = file.Shape(name); // [T, H, W, 3]
        byte[] all = file.ReadU8(name);
        int t = (int)shape[0], h = (int)shape[1], w = (int)shape[2];
        return Enumerable.Range(0, t).Select(i => new RgbFrame(w, h, all.AsSpan(i * h * w * 3, h * w * 3).ToArray(), i)).ToList();
    }
}
