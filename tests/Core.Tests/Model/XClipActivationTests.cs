using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

public class XClipActivationTests
{
    // float32 evaluation of the same closed forms; 1e-6 covers rounding of values of magnitude <= 3.
    private const double Tolerance = 1e-6;

    [Fact]
    public void Forward_QuickGelu_IsXTimesSigmoidOf1702X()
    {
        using var x = linspace(-3, 3, 13);
        using var act = new XClipActivation("quick_gelu");

        using var y = act.forward(x);

        var xs = x.data<float>().ToArray();
        var expected = xs.Select(v => v / (1 + Math.Exp(-1.702 * v))).ToArray();
        Assert.All(y.data<float>().ToArray().Zip(expected), p => Assert.Equal(p.Second, p.First, Tolerance));
    }

    [Fact]
    public void Forward_QuickGeluOnGradInput_SameValuesAndAnalyticGradient()
    {
        using var x = linspace(-3, 3, 13);
        using var xg = x.clone().requires_grad_(true);
        using var act = new XClipActivation("quick_gelu");

        using var plain = act.forward(x);
        using var y = act.forward(xg);
        using (var sum = y.sum()) sum.backward();

        using (var values = y.detach()) Assert.True(values.eq(plain).all().item<bool>());
        var xs = x.data<float>().ToArray();
        // d/dx x s(a x) = s(a x) + a x s(a x) (1 - s(a x)), s the logistic function, a = 1.702.
        var expected = xs.Select(v => 1 / (1 + Math.Exp(-1.702 * v))).Select((s, i) => s + 1.702 * xs[i] * s * (1 - s)).ToArray();
        using var grad = xg.grad!;
        Assert.All(grad.data<float>().ToArray().Zip(expected), p => Assert.Equal(p.Second, p.First, Tolerance));
    }

    [Fact]
    public void Forward_Gelu_IsExactErfGelu()
    {
        using var x = tensor(new[] { -2f, -0.5f, 0f, 1f, 2.5f });
        using var act = new XClipActivation("gelu");

        using var y = act.forward(x);

        // Reference values 0.5 x (1 + erf(x / sqrt 2)).
        double[] expected = [-0.0455002638, -0.1542687694, 0, 0.8413447461, 2.4844758367];
        Assert.All(y.data<float>().ToArray().Zip(expected), p => Assert.Equal(p.Second, p.First, Tolerance));
    }

    [Fact]
    public void Constructor_UnknownActivation_ThrowsConfigException()
    {
        var e = Assert.Throws<XClipConfigException>(() => new XClipActivation("relu"));

        Assert.Contains("'relu' is not supported", e.Message);
    }
}
