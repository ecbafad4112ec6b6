namespace VideoSearch.Core.Model;

/// <summary>The dimension checks shared by the three X-CLIP configuration records.</summary>
internal static class XClipConfigChecks
{
    /// <summary>Activations the port implements; the upstream table has more, which X-CLIP checkpoints do not use.</summary>
    public static readonly IReadOnlyList<string> SupportedActivations = ["quick_gelu", "gelu"];

    public static void Positive(string field, long value)
    {
        if (value <= 0) throw new XClipConfigException($"{field} must be positive, got {value}.");
    }

    /// <summary>Checks that <paramref name="value"/> is positive and at most <paramref name="limit"/> (see <see cref="XClipConfigLimits"/>).</summary>
    public static void InRange(string field, long value, long limit)
    {
        Positive(field, value);
        if (value > limit)
            throw new XClipConfigException(
                $"{field} is {value}, above the limit of {limit}: no X-CLIP model is that large, so the config is damaged or not meant for this program.");
    }

    public static void Divisible(string field, int value, string divisorField, int divisor)
    {
        Positive(field, value);
        Positive(divisorField, divisor);
        if (value % divisor != 0)
            throw new XClipConfigException($"{field} ({value}) must be divisible by {divisorField} ({divisor}).");
    }

    public static void Epsilon(string field, double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new XClipConfigException($"{field} must be a positive number, got {value}.");
    }

    /// <summary>A dropout or drop-path rate: 0 &lt;= p &lt; 1 (p = 1 would zero everything and divide by 0 when rescaling).</summary>
    public static void Probability(string field, double value)
    {
        if (!(value >= 0 && value < 1)) throw new XClipConfigException($"{field} must be in [0, 1), got {value}.");
    }

    public static void Activation(string field, string? value)
    {
        if (value == null || !SupportedActivations.Contains(value))
            throw new XClipConfigException(
                $"{field} '{value}' is not supported; supported: {string.Join(", ", SupportedActivations)}.");
    }
}
