using System.Runtime.InteropServices;
using SkiaSharp;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// Draws the frames of one <see cref="VideoPlan"/> as packed RGB (rgb24, row-major, what ffmpeg's rawvideo input
/// takes): the noisy background written straight into the pixels, then the scene's shape drawn over it by Skia with
/// anti-aliasing. The same plan and frame number always give the same bytes. Not thread-safe: one renderer per video.
/// </summary>
public sealed class SceneFrameRenderer : IDisposable
{
    private readonly VideoPlan _video;
    // Pinned so Skia can draw into the very array the background is written into (no unsafe code, no copy).
    private readonly uint[] _rgba;
    private readonly SKSurface _surface;
    private readonly SKPaint _paint = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPath _triangle = new();
    private readonly uint[] _noiseLevels;

    /// <summary>A renderer for <paramref name="video"/>.</summary>
    public SceneFrameRenderer(VideoPlan video)
    {
        ArgumentNullException.ThrowIfNull(video);
        _video = video;
        _rgba = GC.AllocateArray<uint>(video.Width * video.Height, pinned: true);
        var info = new SKImageInfo(video.Width, video.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        _surface = SKSurface.Create(info, Marshal.UnsafeAddrOfPinnedArrayElement(_rgba, 0), info.RowBytes)
            ?? throw new InvalidOperationException($"Skia could not make a {video.Width}x{video.Height} surface.");
        _noiseLevels = NoiseLevels(video.Background);
    }

    /// <summary>The number of bytes of one frame: width x height x 3.</summary>
    public int FrameBytes => _video.Width * _video.Height * 3;

    /// <summary>Frame <paramref name="frame"/> as a new array of <see cref="FrameBytes"/> bytes.</summary>
    public byte[] Render(int frame)
    {
        var rgb = new byte[FrameBytes];
        Render(frame, rgb);
        return rgb;
    }

    /// <summary>Writes frame <paramref name="frame"/> into <paramref name="rgb"/> (exactly <see cref="FrameBytes"/> long).</summary>
    public void Render(int frame, Span<byte> rgb)
    {
        if (rgb.Length != FrameBytes)
            throw new ArgumentException($"A {_video.Width}x{_video.Height} frame needs {FrameBytes} bytes, not {rgb.Length}.", nameof(rgb));
        (ScenePlan scene, int local) = _video.SceneAt(frame);
        DrawBackground(frame);
        DrawShape(scene, local);
        _surface.Flush();
        // Rgba8888 is R, G, B, A in memory: drop every fourth byte.
        ReadOnlySpan<byte> rgba = MemoryMarshal.AsBytes(_rgba.AsSpan());
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }
    }

    private void DrawBackground(int frame)
    {
        // Eight pixels per 64 random bits; each byte picks one of the 2A+1 noise levels (a multiply-shift, not a modulo).
        var random = SceneRandom.Derive(_video.Background.NoiseSeed, frame);
        uint levels = (uint)_noiseLevels.Length;
        Span<uint> pixels = _rgba;
        for (int i = 0; i < pixels.Length; i += 8)
        {
            ulong bits = random.NextUInt64();
            int end = Math.Min(8, pixels.Length - i);
            for (int j = 0; j < end; j++, bits >>= 8) pixels[i + j] = _noiseLevels[(uint)(bits & 0xFF) * levels >> 8];
        }
    }

    private void DrawShape(ScenePlan scene, int local)
    {
        ScenePoint centre = scene.CentreAt(local);
        float x = (float)centre.X, y = (float)centre.Y, r = (float)scene.RadiusAt(local);
        _paint.Color = new SKColor(scene.Fill.R, scene.Fill.G, scene.Fill.B);
        SKCanvas canvas = _surface.Canvas;
        switch (scene.Shape)
        {
            case SceneShape.Circle:
                canvas.DrawCircle(x, y, r, _paint);
                break;
            case SceneShape.Square:
                canvas.DrawRect(SKRect.Create(x - r, y - r, 2 * r, 2 * r), _paint);
                break;
            case SceneShape.Triangle:
                // Upright, inscribed in the circle of radius r: apex at the top, base r/2 below the centre.
                float half = r * MathF.Sqrt(3) / 2;
                _triangle.Rewind();
                _triangle.MoveTo(x, y - r);
                _triangle.LineTo(x + half, y + r / 2);
                _triangle.LineTo(x - half, y + r / 2);
                _triangle.Close();
                canvas.DrawPath(_triangle, _paint);
                break;
            default:
                throw new InvalidOperationException($"Unknown shape {scene.Shape}.");
        }
    }

    /// <summary>
    /// The background's packed RGBA pixel for each noise offset -A..A (grey noise: the same offset on every channel);
    /// packed little-endian, so the bytes in memory are R, G, B, A as Rgba8888 wants.
    /// </summary>
    private static uint[] NoiseLevels(SceneBackground background)
    {
        int amplitude = background.NoiseAmplitude;
        var levels = new uint[2 * amplitude + 1];
        for (int k = 0; k < levels.Length; k++)
        {
            int offset = k - amplitude;
            uint r = (uint)Math.Clamp(background.Base.R + offset, 0, 255);
            uint g = (uint)Math.Clamp(background.Base.G + offset, 0, 255);
            uint b = (uint)Math.Clamp(background.Base.B + offset, 0, 255);
            levels[k] = r | g << 8 | b << 16 | 0xFF000000u;
        }
        return levels;
    }

    /// <summary>Releases Skia's surface and paint.</summary>
    public void Dispose()
    {
        _triangle.Dispose();
        _paint.Dispose();
        _surface.Dispose();
    }
}
