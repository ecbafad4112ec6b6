using System.Globalization;
using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Model;

/// <summary>
/// A model configuration needs more memory than the machine has: refused before any module is built, with the
/// estimate and what is available, so a wrong or hostile config.json cannot make the process grow until it is killed.
/// </summary>
public sealed class ModelTooLargeException : VideoSearchException
{
    /// <summary>Creates the exception for a model of <paramref name="parameters"/> parameters.</summary>
    public ModelTooLargeException(long parameters, long estimatedBytes, long requiredBytes, long availableBytes, double margin)
        : base(ErrorKind.InvalidInput, Describe(parameters, estimatedBytes, requiredBytes, availableBytes, margin))
    {
        Parameters = parameters;
        EstimatedBytes = estimatedBytes;
        RequiredBytes = requiredBytes;
        AvailableBytes = availableBytes;
    }

    /// <summary>Parameters the configuration describes.</summary>
    public long Parameters { get; }

    /// <summary>Bytes of the weights at float32.</summary>
    public long EstimatedBytes { get; }

    /// <summary>Bytes asked for: the weights plus the margin.</summary>
    public long RequiredBytes { get; }

    /// <summary>Bytes of memory available when the check ran.</summary>
    public long AvailableBytes { get; }

    private static string Describe(long parameters, long estimated, long required, long available, double margin) =>
        $"The model's config describes {Count(parameters)} parameters: about {Size(estimated)} at float32, " +
        $"{Size(required)} with a {Percent(margin)} margin for loading and inference, but only {Size(available)} of memory " +
        "is available. Check config.json (a damaged file can describe an impossible model), use a smaller model, or free memory.";

    private static string Percent(double margin) => (margin * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";

    private static string Count(long parameters) =>
        parameters == long.MaxValue ? "more than 9.2e18" : parameters.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1L << 40
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 40):F1} TiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GiB");
}
