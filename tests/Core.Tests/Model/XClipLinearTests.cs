using TorchSharp;
using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

public class XClipLinearTests
{
    [Fact]
    public void Constructor_SameSeed_DrawsTheSameWeightsAsNnLinear()
    {
        torch.manual_seed(7);
        using var reference = nn.Linear(48, 24, hasBias: true);
        torch.manual_seed(7);
        using var linear = new XClipLinear(48, 24, hasBias: true);

        var expected = reference.state_dict();
        var actual = linear.state_dict();

        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var key in expected.Keys) Assert.True(expected[key].equal(actual[key]).all().item<bool>(), key);
    }

    [Fact]
    public void Forward_Int8PackedWithGradEnabled_KeepsLibtorchAndTheGraph()
    {
        using var linear = new XClipLinear(16, 8, hasBias: true);
        using var x = linspace(-1, 1, 32).reshape(2, 16);
        using var exact = linear.forward(x);
        linear.UseSmallBatchInt8(true);

        using var training = linear.forward(x);
        Tensor quantised;
        using (torch.inference_mode()) quantised = linear.forward(x);

        // A recorded graph needs libtorch's result (bit-identical to the unpacked layer); inference takes the int8 kernel.
        Assert.True(training.requires_grad);
        Assert.True(training.eq(exact).all().item<bool>());
        using (quantised) Assert.False(quantised.eq(exact).all().item<bool>());
    }

    [Fact]
    public void UsePrecision_Bf16_KeepsKeysAndShapesAndHoldsBf16Weights()
    {
        using var linear = new XClipLinear(16, 8, hasBias: true);
        var before = linear.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);

        linear.UsePrecision(XClipPrecision.Bf16);

        var after = linear.state_dict();
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(after, p => Assert.Equal(before[p.Key], p.Value.shape));
        Assert.All(after.Values, t => Assert.Equal(ScalarType.BFloat16, t.dtype));
        Assert.Equal(ScalarType.BFloat16, linear.ComputeType);
    }

    [Fact]
    public void Forward_Bf16_ReturnsFp32CloseToTheFp32Result()
    {
        torch.manual_seed(3);
        using var linear = new XClipLinear(256, 64, hasBias: true);
        using var input = torch.randn(4, 10, 256);
        using var expected = linear.forward(input);

        linear.UsePrecision(XClipPrecision.Bf16);
        using var actual = linear.forward(input);

        Assert.Equal(ScalarType.Float32, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        // Input and weight are each rounded to bf16 (relative 2^-9 each); a dot product of 256 independent terms keeps
        // the error relative to the norm of |x|·|w| near sqrt(2)·2^-9 ≈ 0.003. 0.01 of the output's scale bounds it with
        // room, while a wrong cast (e.g. fp16 overflow or dropped bias) is far beyond it.
        double scale = expected.abs().max().item<float>();
        double error = (actual - expected).abs().max().item<float>();
        Assert.True(error < 0.01 * scale, $"max error {error} vs scale {scale}");
        Assert.True(error > 0, "bf16 forward should differ from fp32 by rounding");
    }

    [Fact]
    public void UsePrecision_InsideADisposeScope_WeightsOutliveTheScope()
    {
        using var linear = new XClipLinear(8, 4, hasBias: true);
        using (NewDisposeScope()) linear.UsePrecision(XClipPrecision.Bf16);

        using var input = torch.ones(2, 8);
        using var output = linear.forward(input);

        Assert.Equal(ScalarType.Float32, output.dtype);
        Assert.Equal([2L, 4L], output.shape);
    }
}
