using TorchSharp;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>Dropout and drop-path: random in train mode, the identity in eval mode and for p = 0. These draw from torch's
/// global generator, so they run alone (a seeded test elsewhere would otherwise see its draws interleaved).</summary>
[Collection(nameof(TorchGlobalRandomCollection))]
public class XClipDropoutTests
{
    /// <summary>One rate at a time, on the kit model's own weights, so each dropout site is shown to act on its own.</summary>
    public static TheoryData<string> Rates() =>
        ["text_config.attention_dropout", "vision_config.attention_dropout", "vision_config.drop_path_rate",
            "prompt_attention_dropout", "prompt_projection_dropout"];

    [Theory]
    [MemberData(nameof(Rates))]
    public void Forward_RateAboveZero_RandomInTrainModeAndTheP0ModelInEvalMode(string rate)
    {
        using var model = KitModelWith(rate, 0.3);
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();
        var (ids, mask, pixels) = (kit.Read("case1", "input_ids"), kit.Read("case1", "attention_mask"), kit.Read("case1", "pixel_values"));
        torch.manual_seed(11);

        model.train();
        var first = Logits(model, ids, mask, pixels);
        var second = Logits(model, ids, mask, pixels);
        model.eval();
        var evalFirst = Logits(model, ids, mask, pixels);
        var evalSecond = Logits(model, ids, mask, pixels);
        var p0 = Logits(kit.Model, ids, mask, pixels);

        Assert.False(first.eq(second).all().item<bool>(), $"{rate} = 0.3 gave the same logits twice in train mode");
        Assert.False(first.eq(p0).all().item<bool>(), $"{rate} = 0.3 changed nothing in train mode");
        Assert.True(evalFirst.eq(evalSecond).all().item<bool>());
        Assert.True(evalFirst.eq(p0).all().item<bool>(), $"{rate} acts in eval mode");
    }

    [Fact]
    public void Forward_AllRatesZeroInTrainMode_EqualsEvalModeExactly()
    {
        using var model = XClipModel.FromPretrained(Fixtures.Reference("xclip-tiny")); // every rate 0 in the kit
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();
        var (ids, mask, pixels) = (kit.Read("case1", "input_ids"), kit.Read("case1", "attention_mask"), kit.Read("case1", "pixel_values"));

        model.train();
        var train = Logits(model, ids, mask, pixels);
        model.eval();

        Assert.True(train.eq(Logits(model, ids, mask, pixels)).all().item<bool>());
    }

    [Fact]
    public void Mit_AttentionDropout_TakesTheVisionRate()
    {
        // Upstream's MIT config is a copy of the vision config, so its attention dropout is vision_config.attention_dropout.
        var config = new XClipVisionConfig { HiddenSize = 48, IntermediateSize = 96, NumAttentionHeads = 4, NumHiddenLayers = 1,
            MitHiddenSize = 40, MitIntermediateSize = 80, MitNumAttentionHeads = 4, NumFrames = 4, AttentionDropout = 0.5 };
        using var mit = new XClipMultiframeIntegrationTransformer(config);
        using var scope = NewDisposeScope();
        torch.manual_seed(5);
        var cls = torch.randn(3, 4, 40);

        mit.train();
        var first = mit.forward(cls).PoolerOutput;
        var second = mit.forward(cls).PoolerOutput;
        mit.eval();

        Assert.False(first.eq(second).all().item<bool>());
        Assert.True(mit.forward(cls).PoolerOutput.eq(mit.forward(cls).PoolerOutput).all().item<bool>());
    }

    [Fact]
    public void DropPath_TrainMode_DropsOrRescalesWholeSamples()
    {
        using var dropPath = new XClipDropPath(0.25);
        using var scope = NewDisposeScope();
        torch.manual_seed(3);
        var x = torch.ones(64, 5, 7);

        dropPath.train();
        var y = dropPath.forward(x);
        dropPath.eval();

        // Each sample is all 0 or all 1 / (1 - 0.25); 64 samples make both outcomes certain in practice (0.25^64, 0.75^64).
        var perSample = y.flatten(1); // (64, 5, 7) -> (64, 35)
        var first = perSample[.., 0].unsqueeze(1);
        Assert.True(perSample.eq(first).all().item<bool>());
        var values = first.squeeze(1).data<float>().ToArray();
        Assert.All(values, v => Assert.True(v == 0f || v == 1f / 0.75f, $"sample value {v}"));
        Assert.Contains(0f, values);
        Assert.Contains(1f / 0.75f, values);
        Assert.Same(x, dropPath.forward(x));
    }

    [Theory]
    [InlineData("text_config", "attention_dropout", "1.0")]
    [InlineData("text_config", "attention_dropout", "-0.1")]
    [InlineData("vision_config", "attention_dropout", "1.5")]
    [InlineData("vision_config", "drop_path_rate", "1")]
    [InlineData(null, "prompt_attention_dropout", "-1e-9")]
    [InlineData(null, "prompt_projection_dropout", "\"NaN\"")]
    public void Parse_RateOutsideZeroToOne_ThrowsNamingTheField(string? section, string field, string value)
    {
        string entry = $"\"{field}\": {value}";
        string json = "{\"model_type\": \"xclip\", " + (section is null ? entry : $"\"{section}\": {{{entry}}}") + "}";

        var e = Assert.Throws<XClipConfigException>(() => XClipConfig.Parse(json, "rates.json"));

        Assert.Contains($"{(section is null ? "" : section + ".")}{field} must be in [0, 1)", e.Message);
    }

    [Fact]
    public void ToJson_Rates_RoundTrip()
    {
        var original = XClipConfig.Load(Path.Combine(Fixtures.Reference("xclip-tiny"), "config.json"));
        var rated = original with
        {
            PromptAttentionDropout = 0.1, PromptProjectionDropout = 0.2,
            TextConfig = original.TextConfig with { AttentionDropout = 0.3 },
            VisionConfig = original.VisionConfig with { AttentionDropout = 0.4, DropPathRate = 0.05 },
        };

        var parsed = XClipConfig.Parse(rated.ToJson());

        Assert.Equal((0.1, 0.2, 0.3, 0.4, 0.05), (parsed.PromptAttentionDropout, parsed.PromptProjectionDropout,
            parsed.TextConfig.AttentionDropout, parsed.VisionConfig.AttentionDropout, parsed.VisionConfig.DropPathRate));
    }

    private static Tensor Logits(XClipModel model, Tensor ids, Tensor mask, Tensor pixels)
    {
        using var noGrad = torch.no_grad();
        using var result = model.Forward(ids, mask, pixels, new XClipForwardOptions());
        return result.LogitsPerVideo.clone();
    }

    /// <summary>The xclip-tiny weights in a model whose config sets <paramref name="rate"/> to <paramref name="p"/>.</summary>
    private static XClipModel KitModelWith(string rate, double p)
    {
        string folder = Fixtures.Reference("xclip-tiny");
        var c = XClipConfig.Load(Path.Combine(folder, "config.json"));
        c = rate switch
        {
            "text_config.attention_dropout" => c with { TextConfig = c.TextConfig with { AttentionDropout = p } },
            "vision_config.attention_dropout" => c with { VisionConfig = c.VisionConfig with { AttentionDropout = p } },
            "vision_config.drop_path_rate" => c with { VisionConfig = c.VisionConfig with { DropPathRate = p } },
            "prompt_attention_dropout" => c with { PromptAttentionDropout = p },
            "prompt_projection_dropout" => c with { PromptProjectionDropout = p },
            _ => throw new ArgumentOutOfRangeException(nameof(rate), rate, null),
        };
        var model = new XClipModel(c);
        using (var file = SafetensorsFile.Open(Path.Combine(folder, "model.safetensors"))) StateDictLoader.Load(model, file);
        model.eval();
        return model;
    }
}
