namespace VideoSearch.Core.Preprocessing;

/// <summary>
/// The model input <c>pixel_values</c>: float32, C-order <c>[Videos, Frames, Channels, Height, Width]</c>, as
/// transformers' <c>XCLIPProcessor</c> returns it.
/// </summary>
/// <param name="Data">The values, <c>Videos * Frames * Channels * Height * Width</c> of them.</param>
/// <param name="Videos">Number of videos (batch size).</param>
/// <param name="Frames">Frames per video.</param>
/// <param name="Channels">Colour channels (3: R, G, B).</param>
/// <param name="Height">Height of each frame after preprocessing.</param>
/// <param name="Width">Width of each frame after preprocessing.</param>
public sealed record PixelValues(float[] Data, int Videos, int Frames, int Channels, int Height, int Width)
{
    /// <summary>The shape as a tensor library takes it: <c>[Videos, Frames, Channels, Height, Width]</c>.</summary>
    public long[] Shape => [Videos, Frames, Channels, Height, Width];

    /// <summary>The values of one frame, <c>[Channels, Height, Width]</c>.</summary>
    public ReadOnlyMemory<float> Frame(int video, int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(video);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(video, Videos);
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Frames);
        int perFrame = Channels * Height * Width;
        return Data.AsMemory(((video * Frames) + frame) * perFrame, perFrame);
    }
}
