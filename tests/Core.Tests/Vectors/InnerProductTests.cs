using System.Numerics.Tensors;
using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Tests.Vectors;

public class InnerProductTests
{
    private static float[] RandomVector(Random random, int dimension) =>
        [.. Enumerable.Range(0, dimension).Select(_ => random.NextSingle() * 2 - 1)];

    [Theory]
    [InlineData(512)] // the 512-bit path, whole 32-float steps
    [InlineData(48)] // the 512-bit path with a 16-float tail
    [InlineData(37)] // not a multiple of 16: the TensorPrimitives fallback
    public void Dot_AnyDimension_MatchesTensorPrimitives(int dimension)
    {
        var random = new Random(dimension);
        float[] a = RandomVector(random, dimension), b = RandomVector(random, dimension);

        float actual = InnerProduct.Dot(a, b);

        // Summation order differs from TensorPrimitives' (other accumulators), so only rounding may differ.
        Assert.Equal(TensorPrimitives.Dot(a, b), actual, 1e-4f);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(37)]
    public void Dot4_FourVectors_EachMatchesItsOwnDot(int dimension)
    {
        var random = new Random(dimension + 1);
        float[] q = RandomVector(random, dimension);
        float[][] v = [.. Enumerable.Range(0, 4).Select(_ => RandomVector(random, dimension))];
        var results = new float[4];

        InnerProduct.Dot4(q, v.SelectMany(x => x).ToArray(), results);

        // Each result is one vector's inner product, not mixed with another's; rounding only may differ.
        for (int i = 0; i < 4; i++) Assert.Equal(TensorPrimitives.Dot(q, v[i]), results[i], 1e-4f);
    }

    [Fact]
    public void Dot4_BlockNotFourVectors_ThrowsDimensionMismatch()
    {
        Assert.Throws<VectorDimensionMismatchException>(() => InnerProduct.Dot4(new float[16], new float[63], new float[4]));
    }
}
