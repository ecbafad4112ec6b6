using VideoSearch.Core.Kernels;

namespace VideoSearch.Core.Tests.Kernels;

public class SmallBatchLinearTests
{
    private const float Unit = 1f / (1 << 24); // fp32 unit roundoff

    // Every register tile and remainder path: 8-row tiles (K <= 768), 4 x 3 tiles, 2 x 4 and 1 x 4, single columns
    // left over, and K not a multiple of the lanes (the fused tail).
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 512, 64 }, { 2, 64, 10 }, { 3, 512, 48 }, { 5, 7, 9 }, { 6, 520, 13 }, { 8, 512, 512 }, { 9, 1000, 7 },
        { 13, 2048, 40 }, { 16, 77, 33 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_BestPath_MatchesScalarReferenceBitForBit(int rows, int k, int n)
    {
        var (weights, x) = Random(rows, k, n, seed: rows * 1000 + k);
        var y = new float[rows * n];

        SmallBatchLinear.Forward(weights, x, rows, y);

        Assert.Equal(Reference(weights, x, rows, SmallBatchLinear.LanesOf(SmallBatchLinear.Best)), y);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_ScalarPath_MatchesScalarReferenceBitForBit(int rows, int k, int n)
    {
        var (weights, x) = Random(rows, k, n, seed: rows * 7 + n);
        var y = new float[rows * n];

        SmallBatchLinear.Forward(weights, x, rows, y, LinearKernelIsa.Scalar, parts: 1);

        Assert.Equal(Reference(weights, x, rows, lanes: 8), y);
    }

    [Fact]
    public void Forward_SplitAcrossCores_EqualsOneBlock()
    {
        var (weights, x) = Random(8, 512, 300, seed: 3);
        var one = new float[8 * 300];
        var three = new float[8 * 300];

        SmallBatchLinear.Forward(weights, x, 8, one, SmallBatchLinear.Best, parts: 1);
        SmallBatchLinear.Forward(weights, x, 8, three, SmallBatchLinear.Best, parts: 3);

        Assert.Equal(one, three);
    }

    [Theory]
    [InlineData(8, 512, 512)]
    [InlineData(8, 2048, 512)]
    [InlineData(16, 512, 2048)]
    public void Forward_AgainstFp32Linear_WithinQuantisationBound(int rows, int k, int n)
    {
        var random = new Random(k + n);
        float[] w = Gaussian(random, n * k, 0.02f), bias = Gaussian(random, n, 0.1f), x = Gaussian(random, rows * k, 1f);
        var weights = Int8LinearWeights.Quantize(w, n, k, bias);
        var y = new float[rows * n];

        SmallBatchLinear.Forward(weights, x, rows, y);

        // |w - q s| <= s/2 per weight, so the exact products differ by at most (s/2) * sum |x|. Rounding adds at most
        // (K/lanes + 5) fp32 roundings of the magnitudes involved (lane sums, halving adds, scale, bias), bounded
        // crudely by (K + 5) u (sum |x q s| + |b|); the reference is the fp32 layer evaluated in double.
        for (int m = 0; m < rows; m++)
            for (int j = 0; j < n; j++)
            {
                double exact = bias[j], l1 = 0, magnitude = Math.Abs(bias[j]);
                for (int i = 0; i < k; i++)
                {
                    exact += (double)x[m * k + i] * w[j * k + i];
                    l1 += Math.Abs(x[m * k + i]);
                    magnitude += Math.Abs(x[m * k + i] * weights.Values[j * k + i] * weights.Scales[j]);
                }
                double bound = weights.Scales[j] / 2 * l1 + (k + 5) * Unit * magnitude;
                Assert.InRange(y[m * n + j] - exact, -bound, bound);
            }
    }

    [Fact]
    public void Forward_RowsBeyondMax_Throws()
    {
        var (weights, _) = Random(1, 8, 8, seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SmallBatchLinear.Forward(weights, new float[17 * 8], 17, new float[17 * 8]));
    }

    [Fact]
    public void Quantize_RandomRow_RoundTripsWithinHalfAScale()
    {
        var random = new Random(5);
        float[] w = Gaussian(random, 4 * 100, 1f);

        var weights = Int8LinearWeights.Quantize(w, 4, 100, []);

        for (int j = 0; j < 4; j++)
        {
            float max = w.Skip(j * 100).Take(100).Max(Math.Abs);
            Assert.Equal(max / 127f, weights.Scales[j]);
            for (int i = 0; i < 100; i++)
                Assert.InRange(Math.Abs(w[j * 100 + i] - weights.Values[j * 100 + i] * weights.Scales[j]), 0, weights.Scales[j] / 2 * 1.0001);
        }
        Assert.Contains(weights.Values, v => v == 127 || v == -127); // the largest weight of each row uses the full range
        Assert.All(weights.Bias, b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Quantize_ZeroRow_HasZeroScaleAndValues()
    {
        var weights = Int8LinearWeights.Quantize(new float[2 * 3] { 0, 0, 0, 1, -2, 3 }, 2, 3, [1f, 2f]);

        Assert.Equal(0f, weights.Scales[0]);
        Assert.Equal(new sbyte[] { 0, 0, 0, 42, -85, 127 }, weights.Values);
        Assert.Equal(new[] { 1f, 2f }, weights.Bias);
    }

    [Fact]
    public void Quantize_WrongLengthOrNaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => Int8LinearWeights.Quantize(new float[5], 2, 3, []));
        Assert.Throws<ArgumentException>(() => Int8LinearWeights.Quantize(new float[6], 2, 3, [1f]));
        Assert.Throws<ArgumentException>(() => Int8LinearWeights.Quantize(new[] { 0f, float.NaN }, 1, 2, []));
    }

    /// <summary>The kernel's arithmetic written out plainly: lanes partial sums, halving, fused tail, scale, bias.</summary>
    private static float[] Reference(Int8LinearWeights weights, float[] x, int rows, int lanes)
    {
        int k = weights.InFeatures, n = weights.OutFeatures, vectorK = k - k % lanes;
        var y = new float[rows * n];
        for (int m = 0; m < rows; m++)
            for (int j = 0; j < n; j++)
            {
                var acc = new float[lanes];
                for (int i = 0; i < vectorK; i++)
                    acc[i % lanes] = MathF.FusedMultiplyAdd(x[m * k + i], weights.Values[j * k + i], acc[i % lanes]);
                for (int width = lanes / 2; width >= 1; width /= 2)
                    for (int l = 0; l < width; l++) acc[l] = acc[l] + acc[l + width];
                float sum = acc[0];
                for (int i = vectorK; i < k; i++) sum = MathF.FusedMultiplyAdd(x[m * k + i], weights.Values[j * k + i], sum);
                float scaled = sum * weights.Scales[j];
                y[m * n + j] = scaled + weights.Bias[j];
            }
        return y;
    }

    private static (Int8LinearWeights Weights, float[] X) Random(int rows, int k, int n, int seed)
    {
        var random = new Random(seed);
        return (Int8LinearWeights.Quantize(Gaussian(random, n * k, 0.05f), n, k, Gaussian(random, n, 0.5f)), Gaussian(random, rows * k, 1f));
    }

    private static float[] Gaussian(Random random, int count, float scale)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = scale * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return values;
    }
}
