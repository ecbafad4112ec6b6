using SkiaSharp;

namespace VideoSearch.Core.Thumbnails;

/// <summary>Copies a decoded RGB frame into a Skia bitmap, the form the thumbnail and preview encoders scale and encode.</summary>
internal static class RgbBitmap
{
    /// <summary>A new opaque RGBA bitmap holding <paramref name="rgb"/> (channels last, row-major); the caller disposes it.</summary>
    public static SKBitmap Create(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"frame size {width}x{height} is empty");
        if (rgb.Length != checked(width * height * 3))
            throw new ArgumentException($"expected {width * height * 3} RGB bytes for {width}x{height}, got {rgb.Length}", nameof(rgb));

        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        // Skia has no packed 24-bit format: widen RGB to RGBA in its pixel buffer.
        Span<byte> rgba;
        unsafe { rgba = new Span<byte>((void*)bitmap.GetPixels(), width * height * 4); }
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgba[q] = rgb[p];
            rgba[q + 1] = rgb[p + 1];
            rgba[q + 2] = rgb[p + 2];
            rgba[q + 3] = 255;
        }
        return bitmap;
    }

    /// <summary>
    /// <paramref name="source"/> scaled to <paramref name="width"/> x <paramref name="height"/> with the filter every
    /// thumbnail uses (Skia's medium quality: mipmaps, then bilinear), or a copy when the size is already right.
    /// </summary>
    public static SKBitmap Scale(SKBitmap source, int width, int height) =>
        width == source.Width && height == source.Height
            ? source.Copy()
            : source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), SKFilterQuality.Medium);

    /// <summary>The bitmap as a JPEG of <paramref name="quality"/> (1..100).</summary>
    public static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
