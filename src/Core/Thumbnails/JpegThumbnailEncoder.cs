using SkiaSharp;

namespace VideoSearch.Core.Thumbnails;

/// <summary>Turns one decoded RGB frame into a small JPEG (a clip's thumbnail), in process, with SkiaSharp.</summary>
public sealed class JpegThumbnailEncoder
{
    /// <summary>Creates an encoder that fits thumbnails inside <paramref name="maxWidth"/> x <paramref name="maxHeight"/>.</summary>
    public JpegThumbnailEncoder(int maxWidth = 320, int maxHeight = 320, int quality = 80)
    {
        if (maxWidth < 8 || maxHeight < 8) throw new ArgumentOutOfRangeException(nameof(maxWidth), $"thumbnail bounds {maxWidth}x{maxHeight} are too small");
        if (quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality must be 1..100");
        MaxWidth = maxWidth;
        MaxHeight = maxHeight;
        Quality = quality;
    }

    /// <summary>Largest thumbnail width.</summary>
    public int MaxWidth { get; }

    /// <summary>Largest thumbnail height.</summary>
    public int MaxHeight { get; }

    /// <summary>JPEG quality, 1..100.</summary>
    public int Quality { get; }

    /// <summary>Encodes an RGB (channels last, row-major) frame, scaled down to fit the bounds keeping its aspect ratio.</summary>
    public byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        using SKBitmap source = RgbBitmap.Create(width, height, rgb);
        double scale = Math.Min(1.0, Math.Min((double)MaxWidth / width, (double)MaxHeight / height));
        int outWidth = Math.Max(1, (int)Math.Round(width * scale));
        int outHeight = Math.Max(1, (int)Math.Round(height * scale));
        using SKBitmap scaled = RgbBitmap.Scale(source, outWidth, outHeight);
        return RgbBitmap.EncodeJpeg(scaled, Quality);
    }
}
