using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>The array API against the reference values (tolerance: the kit's per-tensor atol + 1e-4 |e|, see XClipParityTests).</summary>
public class XClipEmbedderTests
{
    private const string Kit = "xclip-tiny";
    private const string Case = "case1";

    [Fact]
    public void EncodeTexts_TrueLengthIds_MatchReferenceTextFeatures()
    {
        var kit = ReferenceKit.Get(Kit);
        using var scope = NewDisposeScope();
        var ids = kit.Read(Case, "input_ids");
        var lengths = kit.Read(Case, "attention_mask").sum(1).data<long>().ToArray();
        var texts = lengths.Select((n, i) => ids[i, ..(int)n].data<long>().ToArray()).ToList();

        var features = new XClipEmbedder(kit.Model).EncodeTexts(texts);

        Assert.Equal(4, features.Length);
        Assert.True(kit.Compare(ToTensor(features), kit.Read(Case, "text_features"), Atol(kit, "text_features")).Within);
    }

    [Fact]
    public void EncodeVideosThenScore_ReferenceClips_MatchEmbeddingsContextsAndLogits()
    {
        var kit = ReferenceKit.Get(Kit);
        using var scope = NewDisposeScope();
        var embedder = new XClipEmbedder(kit.Model);
        var pixels = kit.Read(Case, "pixel_values").data<float>().ToArray();
        var textFeatures = kit.Read(Case, "text_features");

        var videos = embedder.EncodeVideos(pixels, 3);
        // Scored as search scores them: the fused prompt-generator path over stored embeddings and contexts.
        using var scorer = new VideoSearch.Core.Inference.FusedPromptScorer(kit.Model);
        using var logits = scorer.Logits(textFeatures, ToTensor(videos.Select(v => v.Embedding).ToArray()),
            ToTensor(videos.Select(v => v.Context).ToArray()).view(3, 16, 40));

        Assert.Equal(3, videos.Length);
        Assert.All(videos, v => Assert.Equal(16 * 40, v.Context.Length));
        Assert.True(kit.Compare(ToTensor(videos.Select(v => v.Embedding).ToArray()), kit.Read(Case, "video_embeds"), Atol(kit, "video_embeds")).Within);
        var contexts = ToTensor(videos.Select(v => v.Context).ToArray()).view(3, 16, 40);
        Assert.True(kit.Compare(contexts, kit.Read(Case, "img_features"), Atol(kit, "img_features")).Within);
        Assert.True(kit.Compare(logits, kit.Read(Case, "logits_per_video"), Atol(kit, "logits_per_video")).Within);
    }

    [Fact]
    public void EncodeVideos_WrongPixelCount_ThrowsInputException()
    {
        var embedder = new XClipEmbedder(ReferenceKit.Get(Kit).Model);

        var e = Assert.Throws<XClipInputException>(() => embedder.EncodeVideos(new float[100], 1));

        Assert.Contains("1 x 4 x 3 x 32 x 32 = 12288 floats, got 100", e.Message);
    }

    [Fact]
    public void EncodeTexts_LongerThanMaxPositions_ThrowsInputException()
    {
        var embedder = new XClipEmbedder(ReferenceKit.Get(Kit).Model);

        var e = Assert.Throws<XClipInputException>(() => embedder.EncodeTexts([new long[17]]));

        Assert.Contains("1..16 ids", e.Message);
    }

    [Fact]
    public void GetVideoFeatures_WrongFrameCount_ThrowsInputExceptionNamingNumFrames()
    {
        var model = ReferenceKit.Get(Kit).Model;
        using var pixels = zeros([1, 3, 3, 32, 32]);

        var e = Assert.Throws<XClipInputException>(() => model.GetVideoFeatures(pixels));

        Assert.Contains("num_frames = 4", e.Message);
    }

    private static double Atol(ReferenceKit kit, string name) => kit.Cases[Case][name]!.Value;

    private static Tensor ToTensor(float[][] rows) =>
        tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);
}
