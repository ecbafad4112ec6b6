using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;
using Xunit.Abstractions;

namespace VideoSearch.Core.Tests.Catalog;

public class ContextCodecTests(ITestOutputHelper output)
{
    [Fact]
    public void Encode_RealModelContextShape_Takes50177Bytes()
    {
        float[] context = Normal(49 * 512, seed: 1, scale: 1f);

        byte[] encoded = ContextCodec.Encode(context);

        // One format byte plus 2 bytes per value: 49 patches x 512 dims.
        Assert.Equal(1 + 49 * 512 * 2, encoded.Length);
        Assert.Equal(49 * 512, ContextCodec.ValueCount(encoded));
    }

    [Fact]
    public void Decode_RandomNormalContext_ErrorWithinHalfFloat16Spacing()
    {
        float[] context = Normal(49 * 512, seed: 2, scale: 1f);

        float[] decoded = ContextCodec.Decode(ContextCodec.Encode(context));

        float maxError = AssertWithinBound(context, decoded);
        output.WriteLine($"N(0,1) 49x512: max |x| {context.Max(MathF.Abs):F3}, max abs error {maxError:E3}");
        // Every value here is below 8 in magnitude, where the float16 spacing is at most 2^-8: error <= 2^-9.
        Assert.True(maxError <= MathF.ScaleB(1f, -9));
    }

    [Fact]
    public void Decode_TinyModelImageFeatures_ErrorWithinHalfFloat16Spacing()
    {
        string path = Path.Combine(Fixtures.Reference("xclip-tiny-clipvocab"), "expected.safetensors");
        (float[] features, int[] shape) = SafetensorsFixture.ReadFloat32(path, "case0/img_features");
        Assert.Equal([2, 16, 40], shape);

        float[] decoded = ContextCodec.Decode(ContextCodec.Encode(features));

        float maxError = AssertWithinBound(features, decoded);
        float maxRelative = features.Zip(decoded).Where(p => MathF.Abs(p.First) >= 6.1035156e-5f)
            .Max(p => MathF.Abs(p.First - p.Second) / MathF.Abs(p.First));
        output.WriteLine($"tiny img_features: max |x| {features.Max(MathF.Abs):F3}, max abs error {maxError:E3}, " +
            $"max relative error {maxRelative:E3}");
        // Round to nearest with 11 significant bits: relative error at most 2^-11 for normal float16 values.
        Assert.True(maxRelative <= MathF.ScaleB(1f, -11));
    }

    [Fact]
    public void Encode_ValueBeyondFloat16Range_StoresFloat32Exactly()
    {
        float[] context = [1.5f, -70_000f, 0.1f];

        byte[] encoded = ContextCodec.Encode(context);

        Assert.Equal(1 + 3 * sizeof(float), encoded.Length);
        Assert.Equal(context, ContextCodec.Decode(encoded));
    }

    [Fact]
    public void Encode_NaN_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ContextCodec.Encode([1f, float.NaN]));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 9, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0 })]
    public void Decode_MalformedBytes_ThrowsInvalidDataException(byte[] encoded)
    {
        Assert.Throws<InvalidDataException>(() => ContextCodec.Decode(encoded));
    }

    [Fact]
    public void Decode_DestinationOfWrongLength_ThrowsArgumentException()
    {
        byte[] encoded = ContextCodec.Encode([1f, 2f]);

        Assert.Throws<ArgumentException>(() => ContextCodec.Decode(encoded, new float[3]));
    }

    private static float AssertWithinBound(float[] original, float[] decoded)
    {
        Assert.Equal(original.Length, decoded.Length);
        float maxError = 0;
        for (int i = 0; i < original.Length; i++)
        {
            float error = MathF.Abs(original[i] - decoded[i]);
            Assert.True(error <= ContextCodec.MaxFloat16Error(original[i]),
                $"value {original[i]} decoded as {decoded[i]}: error {error} above the float16 bound");
            maxError = MathF.Max(maxError, error);
        }
        return maxError;
    }

    private static float[] Normal(int count, int seed, float scale)
    {
        var random = new Random(seed);
        // Box-Muller: two uniforms give one standard normal.
        return Enumerable.Range(0, count).Select(_ =>
            scale * MathF.Sqrt(-2f * MathF.Log(1f - random.NextSingle())) * MathF.Cos(2f * MathF.PI * random.NextSingle()))
            .ToArray();
    }
}
