using System.Globalization;

namespace VideoSearch.Core.Media;

/// <summary>
/// A stream's time base as ffprobe states it (<c>1/12800</c>: timestamps count 1/12800 s): the unit ffmpeg rounds a
/// seek offset to and computes frame times in. Kept as the exact fraction, since the one-pass decode reproduces
/// ffmpeg's integer arithmetic with it.
/// </summary>
/// <param name="Numerator">Seconds per tick, numerator (positive).</param>
/// <param name="Denominator">Seconds per tick, denominator (positive).</param>
public readonly record struct StreamTimeBase(long Numerator, long Denominator)
{
    /// <summary>Seconds per tick, computed as ffmpeg's <c>av_q2d</c> does (numerator / (double)denominator).</summary>
    public double Seconds => Numerator / (double)Denominator;

    /// <summary>Parses ffprobe's <c>num/den</c>; null when missing, malformed or not positive.</summary>
    public static StreamTimeBase? Parse(string? text)
    {
        if (text is null) return null;
        string[] parts = text.Split('/');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long num) && num > 0
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long den) && den > 0
            ? new StreamTimeBase(num, den)
            : null;
    }

    /// <summary>The fraction as ffprobe writes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
