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
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"frame size {width}x{height} is empty");
        if (rgb.Length != checked(width * height * 3))
            throw new ArgumentException($"expected {width * height * 3} RGB bytes for {width}x{height}, got {rgb.Length}", nameof(rgb));

        double scale = Math.Min(1.0, Math.Min((double)MaxWidth / width, (double)MaxHeight / height));
        int outWidth = Math.Max(1, (int)Math.Round(width * scale));
        int outHeight = Math.Max(1, (int)Math.Round(height * scale));

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var source = new SKBitmap(info);
        // Skia has no packed 24-bit format: widen RGB to RGBA in its pixel buffer.
        Span<byte> rgba;
        unsafe { rgba = new Span<byte>((void*)source.GetPixels(), width * height * 4); }
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgba[q] = rgb[p];
            rgba[q + 1] = rgb[p + 1];
            rgba[q + 2] = rgb[p + 2];
            rgba[q + 3] = 255;
        }

        using var scaled = outWidth == width && outHeight == height
            ? source.Copy()
            : source.Resize(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Opaque), SKFilterQuality.Medium);
        using var image = SKImage.FromBitmap(scaled);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return data.ToArray();
    }
}
