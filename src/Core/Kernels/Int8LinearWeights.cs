namespace VideoSearch.Core.Kernels;

/// <summary>
/// A linear layer's weight [out, in] quantised to int8 per output channel (symmetric: scale = max |w| / 127 of the
/// row, no zero point) plus its fp32 bias: a quarter of the fp32 bytes, so a memory-bound small-batch product reads
/// a quarter as much. Rows stay in the checkpoint's [out, in] order; <see cref="SmallBatchLinear"/> dots each with the
/// inputs along <c>in</c>. The arrays are pinned so the kernel can hand raw pointers to its worker threads.
/// </summary>
public sealed class Int8LinearWeights
{
    private Int8LinearWeights(int inFeatures, int outFeatures, sbyte[] values, float[] scales, float[] bias)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Values = values;
        Scales = scales;
        Bias = bias;
    }

    /// <summary>Input width K.</summary>
    public int InFeatures { get; }

    /// <summary>Output width N.</summary>
    public int OutFeatures { get; }

    /// <summary>Quantised weight, [N, K] row-major, each value in [-127, 127].</summary>
    public sbyte[] Values { get; }

    /// <summary>Per-output-channel scale [N]: the weight is <c>Values[n, k] * Scales[n]</c>.</summary>
    public float[] Scales { get; }

    /// <summary>Bias [N] (zeros when the layer has none).</summary>
    public float[] Bias { get; }

    /// <summary>Bytes the kernel reads per call for the weights, scales and bias.</summary>
    public long Bytes => Values.LongLength + 8L * OutFeatures;

    /// <summary>
    /// Quantises <paramref name="weight"/> [outFeatures, inFeatures] row-major: q = round(w / s) with
    /// s = max |w_row| / 127, so |w - q s| &lt;= s / 2 for every element. A row of zeros gets scale 0.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match the given widths, or a weight is not finite.</exception>
    public static Int8LinearWeights Quantize(ReadOnlySpan<float> weight, int outFeatures, int inFeatures, ReadOnlySpan<float> bias)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inFeatures, 1);
        if (weight.Length != (long)outFeatures * inFeatures)
            throw new ArgumentException($"A [{outFeatures}, {inFeatures}] weight needs {(long)outFeatures * inFeatures} floats, got {weight.Length}.", nameof(weight));
        if (bias.Length != 0 && bias.Length != outFeatures)
            throw new ArgumentException($"The bias needs {outFeatures} floats (or none), got {bias.Length}.", nameof(bias));
        var values = GC.AllocateUninitializedArray<sbyte>(outFeatures * inFeatures, pinned: true);
        var scales = GC.AllocateArray<float>(outFeatures, pinned: true);
        var biasCopy = GC.AllocateArray<float>(outFeatures, pinned: true);
        bias.CopyTo(biasCopy);
        for (int n = 0; n < outFeatures; n++)
        {
            var row = weight.Slice(n * inFeatures, inFeatures);
            float max = 0;
            foreach (float w in row)
            {
                if (!float.IsFinite(w)) throw new ArgumentException($"Weight row {n} holds a non-finite value ({w}).", nameof(weight));
                max = MathF.Max(max, MathF.Abs(w));
            }
            float scale = max / 127f;
            scales[n] = scale;
            var target = values.AsSpan(n * inFeatures, inFeatures);
            for (int k = 0; k < inFeatures; k++)
                target[k] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(row[k] / scale, MidpointRounding.ToEven), -127f, 127f);
        }
        return new Int8LinearWeights(inFeatures, outFeatures, values, scales, biasCopy);
    }
}
