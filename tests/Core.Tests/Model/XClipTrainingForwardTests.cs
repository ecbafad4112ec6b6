using TorchSharp;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>The training forward: upstream's contrastive loss, autograd through every parameter, and that a few AdamW
/// steps learn. Training tests load their own model, never the shared kit model other tests read.</summary>
public class XClipTrainingForwardTests(ITestOutputHelper output)
{
    /// <summary>Square sub-batches of the kit cases: the first n texts of a case with its n videos. Upstream's loss needs
    /// text i to caption video i; logits_per_video[b, k] depends only on video b and text k, so the expected logits of
    /// the sub-batch are the first n columns of the case's.</summary>
    public static TheoryData<string, string, int> SquareCases() => new()
    {
        { "xclip-tiny", "case0", 2 }, { "xclip-tiny", "case1", 3 }, { "xclip-tiny", "case2", 1 }, { "xclip-tiny-clipvocab", "case0", 2 },
    };

    [Theory]
    [MemberData(nameof(SquareCases))]
    public void Forward_ReturnLossOnSquareKitBatch_EqualsCrossEntropyOfExpectedLogits(string kitName, string caseName, int n)
    {
        var kit = ReferenceKit.Get(kitName);
        using var scope = NewDisposeScope();
        var ids = kit.Read(caseName, "input_ids")[..n];
        var mask = kit.Read(caseName, "attention_mask")[..n];
        var pixels = kit.Read(caseName, "pixel_values");
        double expected = ContrastiveLoss(kit.Read(caseName, "logits_per_text")[..n].to(ScalarType.Float64));

        using var result = kit.Model.Forward(ids, mask, pixels, new XClipForwardOptions(ReturnLoss: true));

        double actual = result.Loss!.item<float>();
        output.WriteLine($"{kitName}/{caseName}[{n}]: loss {actual:R}, from expected logits {expected:R}, |diff| {Math.Abs(actual - expected):E2}");
        Assert.Empty(result.Loss.shape);
        // The port's logits match the kit's to about 1e-6 (the kit's own float32-vs-float64 deviation); the loss is a mean
        // of log-softmax terms whose gradient per logit is at most 1/n, so it inherits that deviation, no more.
        Assert.Equal(expected, actual, 1e-6);
    }

    [Fact]
    public void Forward_ReturnLossOnNonSquareBatch_ThrowsNamingBothCounts()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();

        var e = Assert.Throws<XClipInputException>(() => kit.Model.Forward(kit.Read("case0", "input_ids"),
            kit.Read("case0", "attention_mask"), kit.Read("case0", "pixel_values"), new XClipForwardOptions(ReturnLoss: true)));

        Assert.Contains("3 texts and 2 videos", e.Message);
    }

    [Fact]
    public void Forward_WithoutLoss_SameLogitsAsInferenceForwardAndNoLoss()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();
        var ids = kit.Read("case1", "input_ids");
        var mask = kit.Read("case1", "attention_mask");
        var pixels = kit.Read("case1", "pixel_values");

        using var training = kit.Model.Forward(ids, mask, pixels, new XClipForwardOptions());
        using var inference = kit.Model.Forward(ids, mask, pixels);

        Assert.Null(training.Loss);
        Assert.True(training.LogitsPerVideo.eq(inference.LogitsPerVideo).all().item<bool>());
        Assert.True(training.LogitsPerText.eq(inference.LogitsPerText).all().item<bool>());
        Assert.True(training.TextEmbeds.eq(inference.TextEmbeds).all().item<bool>());
        Assert.True(training.VideoEmbeds.eq(inference.VideoEmbeds).all().item<bool>());
    }

    [Fact]
    public void Forward_UnderNoGrad_LossHasNoGraph()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();

        using var result = kit.Model.Forward(kit.Read("case2", "input_ids"), kit.Read("case2", "attention_mask"),
            kit.Read("case2", "pixel_values"), new XClipForwardOptions(ReturnLoss: true));

        Assert.False(result.Loss!.requires_grad);
    }

    /// <summary>Layer 0's message attention sees only the frames' CLS states, and before the first layer those are the
    /// same for every frame (class_embedding + position 0 do not depend on the pixels): its scores are constant per row,
    /// so the softmax passes no gradient to q_proj and k_proj, upstream as here. Every other tensor must move.</summary>
    private static readonly string[] s_gradientFree =
    [
        "vision_model.encoder.layers.0.message_attn.q_proj.weight", "vision_model.encoder.layers.0.message_attn.q_proj.bias",
        "vision_model.encoder.layers.0.message_attn.k_proj.weight", "vision_model.encoder.layers.0.message_attn.k_proj.bias",
    ];

    [Fact]
    public void AdamWStep_SquareBatch_ChangesEveryNamedParameterThatHasAGradient()
    {
        using var model = XClipModel.FromPretrained(Fixtures.Reference("xclip-tiny"));
        model.train();
        using var scope = NewDisposeScope();
        var (ids, mask, pixels) = SquareBatch("case1", 3);
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        // No weight decay: with it AdamW moves every weight even without a gradient, which would hide a broken graph.
        using var optimizer = torch.optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0);

        optimizer.zero_grad();
        using (var result = model.Forward(ids, mask, pixels, new XClipForwardOptions(ReturnLoss: true))) result.Loss!.backward();
        var withoutGrad = model.named_parameters().Where(p => p.parameter.grad is null).Select(p => p.name).ToList();
        var zeroGrad = model.named_parameters().Where(p => p.parameter.grad is { } g && g.eq(0).all().item<bool>())
            .Select(p => p.name).ToList();
        optimizer.step();

        var unchanged = model.named_parameters().Where(p => p.parameter.eq(before[p.name]).all().item<bool>()).Select(p => p.name).ToList();
        Assert.Equal(151, before.Count); // the kit's model.safetensors holds 151 tensors, all trainable
        Assert.True(withoutGrad.Count == 0, $"not reached by the graph: {string.Join(", ", withoutGrad)}");
        Assert.Equal(s_gradientFree.Order(), zeroGrad.Order());
        Assert.Equal(s_gradientFree.Order(), unchanged.Order());
    }

    [Fact]
    public void AdamW_TenStepsOnFixedBatch_LossFallsByHalf()
    {
        using var model = XClipModel.FromPretrained(Fixtures.Reference("xclip-tiny"));
        model.train();
        using var scope = NewDisposeScope();
        var (ids, mask, pixels) = SquareBatch("case1", 3);
        using var optimizer = torch.optim.AdamW(model.parameters(), lr: 1e-3);
        var losses = new List<double>();

        for (int step = 0; step < 10; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            using var result = model.Forward(ids, mask, pixels, new XClipForwardOptions(ReturnLoss: true));
            losses.Add(result.Loss!.item<float>());
            result.Loss.backward();
            optimizer.step();
        }

        output.WriteLine($"losses: {string.Join(", ", losses.Select(l => l.ToString("F4")))}");
        // Ten full-batch steps on three pairs the model can memorise: a working gradient at least halves the loss
        // (a sign error or a detached tower would leave it flat or raise it).
        Assert.True(losses[^1] < 0.5 * losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    private static (Tensor Ids, Tensor Mask, Tensor Pixels) SquareBatch(string caseName, int n)
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        return (kit.Read(caseName, "input_ids")[..n], kit.Read(caseName, "attention_mask")[..n], kit.Read(caseName, "pixel_values")[..n]);
    }

    /// <summary>Upstream x_clip_loss computed here in float64, independently of the model: the mean over rows and over
    /// columns of logsumexp minus the diagonal entry, averaged.</summary>
    private static double ContrastiveLoss(Tensor logitsPerText)
    {
        double[] v = logitsPerText.contiguous().data<double>().ToArray();
        int n = (int)logitsPerText.shape[0];
        double Row(int i, bool transpose)
        {
            double At(int j) => transpose ? v[j * n + i] : v[i * n + j];
            double max = Enumerable.Range(0, n).Max(At);
            return max + Math.Log(Enumerable.Range(0, n).Sum(j => Math.Exp(At(j) - max))) - At(i);
        }
        double caption = Enumerable.Range(0, n).Average(i => Row(i, false));
        double image = Enumerable.Range(0, n).Average(i => Row(i, true));
        return (caption + image) / 2;
    }
}
