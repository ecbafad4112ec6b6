using System.Text.Json.Nodes;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Model;

public class XClipConfigTests
{
    [Fact]
    public void Defaults_NewConfig_AreXClipBasePatch32()
    {
        var c = new XClipConfig();

        Assert.Equal((512, 2, 0.1, 8, 2.6592, "quick_gelu"),
            (c.ProjectionDim, c.PromptLayers, c.PromptAlpha, c.PromptNumAttentionHeads, c.LogitScaleInitValue, c.PromptHiddenAct));
        var t = c.TextConfig;
        Assert.Equal((49408, 512, 2048, 12, 8, 77, 1e-5), (t.VocabSize, t.HiddenSize, t.IntermediateSize, t.NumHiddenLayers,
            t.NumAttentionHeads, t.MaxPositionEmbeddings, t.LayerNormEps));
        var v = c.VisionConfig;
        Assert.Equal((768, 3072, 12, 12), (v.HiddenSize, v.IntermediateSize, v.NumHiddenLayers, v.NumAttentionHeads));
        Assert.Equal((512, 2048, 1, 8), (v.MitHiddenSize, v.MitIntermediateSize, v.MitNumHiddenLayers, v.MitNumAttentionHeads));
        Assert.Equal((224, 32, 8, 3, 49), (v.ImageSize, v.PatchSize, v.NumFrames, v.NumChannels, v.NumPatches));
        c.Validate();
    }

    [Fact]
    public void Load_TinyKitConfig_ReadsNestedFields()
    {
        var c = XClipConfig.Load(Path.Combine(Fixtures.Reference("xclip-tiny"), "config.json"));

        Assert.Equal((40, 1000, 32, 16), (c.ProjectionDim, c.TextConfig.VocabSize, c.TextConfig.HiddenSize, c.TextConfig.MaxPositionEmbeddings));
        Assert.Equal((48, 4, 8, 32, 40, 80), (c.VisionConfig.HiddenSize, c.VisionConfig.NumFrames, c.VisionConfig.PatchSize,
            c.VisionConfig.ImageSize, c.VisionConfig.MitHiddenSize, c.VisionConfig.MitIntermediateSize));
    }

    [Fact]
    public void ToJson_RoundTrip_EqualConfigWithModelTypes()
    {
        var original = XClipConfig.Load(Path.Combine(Fixtures.Reference("xclip-tiny-clipvocab"), "config.json"));

        string json = original.ToJson();
        var parsed = XClipConfig.Parse(json);

        Assert.Equal(original.TextConfig, parsed.TextConfig);
        Assert.Equal(original.VisionConfig, parsed.VisionConfig);
        Assert.Equal(original with { TextConfig = parsed.TextConfig, VisionConfig = parsed.VisionConfig }, parsed);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("xclip", (string?)node["model_type"]);
        Assert.Equal("xclip_text_model", (string?)node["text_config"]!["model_type"]);
        Assert.Equal("xclip_vision_model", (string?)node["vision_config"]!["model_type"]);
        Assert.Equal(77, (int)node["text_config"]!["max_position_embeddings"]!);
    }

    [Fact]
    public void Parse_UnknownFieldsAndNulls_Tolerated()
    {
        var json = """{"model_type": "xclip", "torch_dtype": "float32", "future_field": {"a": [1]}, "text_config": {"bos_token_id": null, "extra": 1}, "vision_config": null}""";

        var c = XClipConfig.Parse(json);

        Assert.Equal(new XClipConfig().TextConfig, c.TextConfig);
        Assert.Equal(new XClipConfig().VisionConfig, c.VisionConfig);
    }

    [Fact]
    public void Parse_LegacyTextConfigDict_OverridesNestedConfig()
    {
        var json = """{"model_type": "xclip", "text_config": {"hidden_size": 512}, "text_config_dict": {"max_position_embeddings": 64}}""";

        Assert.Equal(64, XClipConfig.Parse(json).TextConfig.MaxPositionEmbeddings);
    }

    [Theory]
    [InlineData("""{"model_type": "clip"}""", "model_type 'clip'")]
    [InlineData("""{"projection_dim": 512}""", "model_type '(missing)'")]
    [InlineData("""{"model_type": "xclip", "text_config": {"hidden_size": 500, "num_attention_heads": 8}}""", "text_config.hidden_size (500) must be divisible by text_config.num_attention_heads (8)")]
    [InlineData("""{"model_type": "xclip", "projection_dim": 256}""", "projection_dim (256) must equal vision_config.mit_hidden_size (512)")]
    [InlineData("""{"model_type": "xclip", "vision_config": {"hidden_act": "relu"}}""", "vision_config.hidden_act 'relu' is not supported")]
    [InlineData("""{"model_type": "xclip", "prompt_hidden_act": "swish"}""", "prompt_hidden_act 'swish' is not supported")]
    [InlineData("""{"model_type": "xclip", "vision_config": {"image_size": 225}}""", "vision_config.image_size (225) must be divisible by vision_config.patch_size (32)")]
    [InlineData("""{"model_type": "xclip", "text_config": {"hidden_size": "big"}}""", "wrong type")]
    [InlineData("""{"model_type": "xclip",""", "not valid JSON")]
    public void Parse_InvalidConfig_ThrowsNamingTheValues(string json, string expected)
    {
        var e = Assert.Throws<XClipConfigException>(() => XClipConfig.Parse(json, "test.json"));

        Assert.Contains(expected, e.Message);
        Assert.Contains("test.json", e.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsModelFilesMissing()
    {
        var e = Assert.Throws<ModelFilesMissingException>(() => XClipConfig.Load("/nonexistent/config.json"));

        Assert.Equal("/nonexistent", e.Folder);
        Assert.Equal(["config.json"], e.MissingFiles);
        Assert.Contains("/nonexistent", e.Message);
    }
}
