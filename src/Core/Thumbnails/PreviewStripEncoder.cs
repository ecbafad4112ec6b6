using SkiaSharp;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Thumbnails;

/// <summary>
/// Makes a clip's preview strip (a trickplay strip, as Jellyfin calls it): <see cref="TileCount"/> of the clip's
/// already-decoded frames, each scaled to <see cref="TileHeight"/>, side by side left to right in time order, in one
/// JPEG. A page shows one tile at a time as the pointer moves over a result, so a moment can be scrubbed without
/// playing the video. Made from the frames the model sees, so indexing decodes nothing more for it.
/// </summary>
public sealed class PreviewStripEncoder
{
    /// <summary>Tiles per strip: enough to show a motion, few enough that a strip stays a few kilobytes.</summary>
    public const int TileCount = 4;

    /// <summary>Default tile height: small enough for a hover preview, large enough to recognise a scene.</summary>
    public const int DefaultTileHeight = 90;

    /// <summary>The widest tile, as a multiple of its height, so a freak aspect ratio cannot make a huge strip.</summary>
    private const int MaxAspect = 4;

    /// <summary>Creates an encoder whose tiles are <paramref name="tileHeight"/> pixels high (even, at least 8).</summary>
    public PreviewStripEncoder(int tileHeight = DefaultTileHeight, int quality = 75)
    {
        if (tileHeight < 8 || tileHeight % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(tileHeight), tileHeight, "the tile height must be even and at least 8");
        if (quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality must be 1..100");
        TileHeight = tileHeight;
        Quality = quality;
    }

    /// <summary>Height of the strip and of each tile.</summary>
    public int TileHeight { get; }

    /// <summary>JPEG quality, 1..100.</summary>
    public int Quality { get; }

    /// <summary>
    /// Which of a clip's <paramref name="frameCount"/> frames make the tiles, in order: frame <c>i * frameCount / 4</c>
    /// for tile i (rounded down), so evenly spaced from the first frame on. For X-CLIP's 8 frames that is 0, 2, 4, 6;
    /// a clip of fewer than 4 frames repeats some.
    /// </summary>
    public static int[] FrameIndices(int frameCount)
    {
        if (frameCount <= 0) throw new ArgumentOutOfRangeException(nameof(frameCount), frameCount, "a clip needs at least one frame");
        var indices = new int[TileCount];
        for (int i = 0; i < TileCount; i++) indices[i] = (int)((long)i * frameCount / TileCount);
        return indices;
    }

    /// <summary>
    /// The size of one tile for frames of <paramref name="frameWidth"/> x <paramref name="frameHeight"/>: <see cref="TileHeight"/>
    /// high and as wide as the aspect ratio gives, rounded to an even number (at least 2, at most 4 heights).
    /// </summary>
    public (int Width, int Height) TileSize(int frameWidth, int frameHeight)
    {
        if (frameWidth <= 0 || frameHeight <= 0)
            throw new ArgumentOutOfRangeException(nameof(frameWidth), $"frame size {frameWidth}x{frameHeight} is empty");
        int width = 2 * (int)Math.Round(frameWidth * (double)TileHeight / frameHeight / 2, MidpointRounding.AwayFromZero);
        return (Math.Clamp(width, 2, MaxAspect * TileHeight), TileHeight);
    }

    /// <summary>Encodes the strip of one clip's frames (all of one size, in time order).</summary>
    public byte[] Encode(IReadOnlyList<RgbFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        int[] chosen = FrameIndices(frames.Count);
        RgbFrame first = frames[0];
        if (frames.Any(f => f.Width != first.Width || f.Height != first.Height))
            throw new ArgumentException("the frames of one clip must all have the same size", nameof(frames));

        (int tileWidth, int tileHeight) = TileSize(first.Width, first.Height);
        using var strip = new SKBitmap(new SKImageInfo(tileWidth * TileCount, tileHeight, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(strip))
        {
            for (int tile = 0; tile < TileCount; tile++)
            {
                RgbFrame frame = frames[chosen[tile]];
                using SKBitmap source = RgbBitmap.Create(frame.Width, frame.Height, frame.Pixels);
                using SKBitmap scaled = RgbBitmap.Scale(source, tileWidth, tileHeight);
                // Drawn unscaled at a whole-pixel offset: a plain copy of the tile's pixels.
                canvas.DrawBitmap(scaled, tile * tileWidth, 0);
            }
        }
        return RgbBitmap.EncodeJpeg(strip, Quality);
    }
}
