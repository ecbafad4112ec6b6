namespace VideoSearch.Core.Media;

/// <summary>One decoded video frame: 8-bit RGB, row-major, channels last (H x W x 3 bytes).</summary>
public sealed record RgbFrame
{
    /// <summary>Wraps decoded pixels; the buffer is not copied.</summary>
    /// <param name="width">Width in pixels (positive).</param>
    /// <param name="height">Height in pixels (positive).</param>
    /// <param name="pixels">Exactly <paramref name="width"/> * <paramref name="height"/> * 3 bytes, RGB.</param>
    /// <param name="timestampSeconds">Presentation time of the frame in the video.</param>
    /// <exception cref="ArgumentException">The size is not positive or the buffer length does not match it.</exception>
    public RgbFrame(int width, int height, byte[] pixels, double timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"Frame size must be positive, got {width}x{height}.", nameof(width));
        long expected = (long)width * height * 3;
        if (pixels.Length != expected)
            throw new ArgumentException(
                $"A {width}x{height} RGB frame needs {expected} bytes, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
        TimestampSeconds = timestampSeconds;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>RGB bytes, row-major, channels last: the byte of channel c at (x, y) is at (y * Width + x) * 3 + c.</summary>
    public byte[] Pixels { get; }

    /// <summary>Presentation time of the frame in the video, in seconds.</summary>
    public double TimestampSeconds { get; }
}
