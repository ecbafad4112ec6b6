using System.Collections.Concurrent;

namespace VideoSearch.Core.Preprocessing;

/// <summary>
/// Fixed-point filter taps of PIL's bilinear resample for one axis (Pillow <c>precompute_coeffs</c> followed by
/// <c>normalize_coeffs_8bpc</c>), cached per (input length, output length): a video's frames all share them.
/// </summary>
internal sealed class PilResampleCoefficients
{
    /// <summary>PIL's <c>PRECISION_BITS</c> (32 - 8 - 2): 22 fractional bits.</summary>
    public const int PrecisionBits = 22;

    /// <summary>Added before the shift so that it rounds to nearest.</summary>
    public const int Half = 1 << (PrecisionBits - 1);

    // A service sees a handful of frame sizes; the cap only stops pathological inputs from growing it forever.
    private const int MaxCachedAxes = 512;
    private static readonly ConcurrentDictionary<(int In, int Out), PilResampleCoefficients> s_cache = new();

    private PilResampleCoefficients(int kernelSize, int[] start, int[] count, int[] weights)
    {
        KernelSize = kernelSize;
        Start = start;
        Count = count;
        Weights = weights;
    }

    /// <summary>Stride of <see cref="Weights"/> per output index.</summary>
    public int KernelSize { get; }

    /// <summary>First input index read by each output index.</summary>
    public int[] Start { get; }

    /// <summary>Number of input indices (taps) read by each output index.</summary>
    public int[] Count { get; }

    /// <summary>Weights with 22 fractional bits: output i uses <c>Weights[i * KernelSize + k]</c>, k &lt; Count[i].</summary>
    public int[] Weights { get; }

    /// <summary>The (cached) coefficients for resampling an axis of <paramref name="inSize"/> to <paramref name="outSize"/>.</summary>
    public static PilResampleCoefficients For(int inSize, int outSize)
    {
        if (s_cache.TryGetValue((inSize, outSize), out var cached)) return cached;
        if (s_cache.Count >= MaxCachedAxes) s_cache.Clear();
        return s_cache.GetOrAdd((inSize, outSize), static key => Compute(key.In, key.Out));
    }

    /// <summary>Pillow's arithmetic, step for step: double precision, C truncation, the same summation order.</summary>
    internal static PilResampleCoefficients Compute(int inSize, int outSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outSize);

        const double filterSupport = 1.0; // bilinear
        double scale = (double)inSize / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = filterSupport * filterScale;
        int kernelSize = (int)Math.Ceiling(support) * 2 + 1;
        double ss = 1.0 / filterScale; // Pillow multiplies by the reciprocal; dividing can differ in the last bit

        var start = new int[outSize];
        var count = new int[outSize];
        var weights = new int[outSize * kernelSize];
        Span<double> w = kernelSize <= 256 ? stackalloc double[kernelSize] : new double[kernelSize];

        for (int i = 0; i < outSize; i++)
        {
            double center = (i + 0.5) * scale;
            int xmin = Math.Max(0, (int)(center - support + 0.5));
            int xmax = Math.Min(inSize, (int)(center + support + 0.5)) - xmin;
            double sum = 0.0;
            for (int k = 0; k < xmax; k++)
            {
                double t = Triangle((k + xmin - center + 0.5) * ss);
                w[k] = t;
                sum += t;
            }
            for (int k = 0; k < xmax; k++)
            {
                double normalised = sum != 0.0 ? w[k] / sum : w[k];
                // The triangle is never negative; Pillow rounds negative taps with -0.5 for other filters.
                weights[i * kernelSize + k] = (int)(0.5 + normalised * (1 << PrecisionBits));
            }
            start[i] = xmin;
            count[i] = xmax;
        }
        return new PilResampleCoefficients(kernelSize, start, count, weights);
    }

    private static double Triangle(double x)
    {
        if (x < 0.0) x = -x;
        return x < 1.0 ? 1.0 - x : 0.0;
    }
}
