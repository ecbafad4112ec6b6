using System.Globalization;

namespace VideoSearch.Core.Model;

/// <summary>
/// Decides, from a configuration alone, whether a model fits in memory before anything is allocated: the weights at
/// float32 (<see cref="XClipParameterCount"/> x 4 bytes) plus <see cref="Margin"/> must not exceed the memory
/// available, the smaller of the kernel's MemAvailable (/proc/meminfo) and the .NET runtime's
/// <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/> (which honours a container's memory limit).
/// </summary>
public sealed record ModelMemoryBudget
{
    /// <summary>
    /// Default margin: half the weights again. Loading reads each tensor through two transient buffers (bytes, then
    /// floats) before the copy, and inference adds activations; the base model (786 MB of weights) then asks for 1.2 GB.
    /// </summary>
    public const double DefaultMargin = 0.5;

    private const long BytesPerParameter = sizeof(float);

    /// <summary>The default budget: <see cref="DefaultMargin"/>, memory read from the system.</summary>
    public static ModelMemoryBudget Default { get; } = new();

    /// <summary>Memory asked for on top of the weights, as a fraction of their size (0.5: weights x 1.5); zero or more.</summary>
    public double Margin { get; init; } = DefaultMargin;

    /// <summary>The memory to compare against in bytes; null reads it from the system at each check.</summary>
    public long? AvailableBytes { get; init; }

    /// <summary>Bytes of the weights of <paramref name="config"/> at float32 (saturating at <see cref="long.MaxValue"/>).</summary>
    public static long EstimateBytes(XClipConfig config)
    {
        long parameters = XClipParameterCount.Of(config);
        return parameters > long.MaxValue / BytesPerParameter ? long.MaxValue : parameters * BytesPerParameter;
    }

    /// <summary>Throws when the model of <paramref name="config"/> would not fit; allocates nothing.</summary>
    /// <exception cref="ModelTooLargeException">The weights plus the margin exceed the available memory.</exception>
    public void EnsureFits(XClipConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!double.IsFinite(Margin) || Margin < 0)
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "The memory margin must be a finite fraction of zero or more.");
        long parameters = XClipParameterCount.Of(config);
        long estimated = EstimateBytes(config);
        double required = estimated * (1 + Margin);
        long available = AvailableBytes ?? SystemAvailableBytes();
        if (required > available)
        {
            long requiredBytes = required >= long.MaxValue ? long.MaxValue : (long)required;
            throw new ModelTooLargeException(parameters, estimated, requiredBytes, available, Margin);
        }
    }

    /// <summary>The smaller of MemAvailable (where /proc/meminfo exists) and the runtime's available memory.</summary>
    public static long SystemAvailableBytes()
    {
        long runtime = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long? kernel = ReadMemAvailable();
        return kernel is { } k ? Math.Min(k, runtime) : runtime;
    }

    private static long? ReadMemAvailable()
    {
        const string MemInfo = "/proc/meminfo";
        try
        {
            if (!File.Exists(MemInfo)) return null;
            foreach (string line in File.ReadLines(MemInfo))
            {
                // "MemAvailable:   12345678 kB"
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal)) continue;
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kb)
                    ? kb * 1024
                    : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: the runtime's figure alone decides.
        }
        return null;
    }
}
