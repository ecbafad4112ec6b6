namespace VideoSearch.Core.Media;

/// <summary>
/// One decoded video frame at full display resolution: 8-bit RGB, row-major, channels last
/// (<c>Pixels[(y * Width + x) * 3 + c]</c>), already turned upright when the file carries rotation metadata.
/// </summary>
/// <remarks>
/// Frames that show the same decoded picture (a short video sampled more densely than it has frames) share one
/// <see cref="Pixels"/> array, so treat it as read-only.
/// </remarks>
/// <param name="Width">Width in pixels (after rotation).</param>
/// <param name="Height">Height in pixels (after rotation).</param>
/// <param name="Pixels">Height * Width * 3 bytes, RGB.</param>
/// <param name="TimestampSeconds">The time that was asked for, in seconds from the start of the file.</param>
public sealed record RgbFrame(int Width, int Height, byte[] Pixels, double TimestampSeconds)
{
    /// <summary>Width in pixels (after rotation).</summary>
    public int Width { get; } = Width > 0 ? Width : throw new ArgumentOutOfRangeException(nameof(Width), Width, "A frame needs a positive width.");

    /// <summary>Height in pixels (after rotation).</summary>
    public int Height { get; } = Height > 0 ? Height : throw new ArgumentOutOfRangeException(nameof(Height), Height, "A frame needs a positive height.");

    /// <summary>Height * Width * 3 bytes, RGB, row-major, channels last.</summary>
    public byte[] Pixels { get; } = CheckedPixels(Width, Height, Pixels);

    private static byte[] CheckedPixels(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        long expected = (long)width * height * 3;
        if (pixels.LongLength != expected)
        {
            throw new ArgumentException(
                $"A {width}x{height} RGB frame needs {expected} bytes, got {pixels.LongLength}.", nameof(pixels));
        }
        return pixels;
    }
}
