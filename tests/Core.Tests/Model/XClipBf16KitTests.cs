using TorchSharp;
using VideoSearch.Core.Model;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>
/// The reference kits' cases run with bf16 matmuls, against the upstream (Hugging Face, fp32) tensors of the kit: the
/// embeddings keep cosine 0.999 and the logits stay within the rounding bound. The parity tests keep checking fp32
/// exactly; these use their own copy of each kit's model, since converting it to bf16 is not undone by converting back.
/// </summary>
public class XClipBf16KitTests(ITestOutputHelper output)
{
    /// <summary>bf16's relative rounding step (8 significant bits).</summary>
    private const double U = 1.0 / 256;

    public static TheoryData<string, string> Cases() => new()
    {
        { "xclip-tiny", "case0" }, { "xclip-tiny", "case1" }, { "xclip-tiny", "case2" }, { "xclip-tiny-clipvocab", "case0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_Bf16ReferenceCase_EmbeddingsWithinCosine0999AndLogitsWithinBound(string kitName, string caseName)
    {
        var kit = ReferenceKit.Get(kitName);
        using var model = XClipModel.FromPretrained(kit.Folder);
        model.UsePrecision(XClipPrecision.Bf16);
        using var scope = NewDisposeScope();

        using var result = model.Forward(kit.Read(caseName, "input_ids"), kit.Read(caseName, "attention_mask"), kit.Read(caseName, "pixel_values"));

        double video = MinCosine(result.VideoEmbeds, kit.Read(caseName, "video_embeds"));
        double text = MinCosine(result.TextEmbeds, kit.Read(caseName, "text_embeds"));
        double logits = (result.LogitsPerVideo - kit.Read(caseName, "logits_per_video")).abs().max().item<float>();
        // |delta logit| <= s·(|dv| + |dt|) for unit v, t; each side's relative error has RMS sqrt(N)·U/2 over its N
        // bf16 matmuls (derivation in Bf16AgreementTests), 4 of which cover every logit: vision 11 per layer +
        // visual_projection + 6 per MIT layer, text 6 per layer + text_projection + 6 per prompt layer.
        var c = model.Config;
        int vision = 11 * c.VisionConfig.NumHiddenLayers + 1 + 6 * c.VisionConfig.MitNumHiddenLayers;
        int textPath = 6 * c.TextConfig.NumHiddenLayers + 1 + 6 * c.PromptLayers;
        double bound = Math.Exp(c.LogitScaleInitValue) * 4 * (Math.Sqrt(vision) + Math.Sqrt(textPath)) * U / 2;
        output.WriteLine($"{kitName}/{caseName} bf16 vs upstream: video_embeds min cosine {video:F7}, text_embeds {text:F7}, " +
                         $"logits max |delta| {logits:E2} (bound {bound:F2})");

        Assert.True(video >= 0.999, $"video_embeds cosine {video}");
        Assert.True(text >= 0.999, $"text_embeds cosine {text}");
        Assert.True(logits <= bound, $"logits moved by {logits}");
    }

    private static double MinCosine(Tensor actual, Tensor expected)
    {
        var a = actual.reshape(-1, actual.shape[^1]).to(ScalarType.Float64);
        var e = expected.reshape(-1, expected.shape[^1]).to(ScalarType.Float64);
        return nn.functional.cosine_similarity(a, e, 1).min().item<double>();
    }
}
