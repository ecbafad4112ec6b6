namespace VideoSearch.Core.Media;

/// <summary>
/// How a video is cut into clips: windows of <see cref="WindowSeconds"/>, one every <see cref="StrideSeconds"/>,
/// each sampled with <see cref="NumFrames"/> frames (the model's <c>num_frames</c>).
/// </summary>
/// <param name="WindowSeconds">Length of one clip's window; must be positive.</param>
/// <param name="StrideSeconds">Distance between window starts; positive and at most the window, so nothing is skipped.</param>
/// <param name="NumFrames">Frames per clip, from the model config.</param>
public sealed record ClipPlanOptions(double WindowSeconds, double StrideSeconds, int NumFrames)
{
    /// <summary>
    /// Default window: 4 s. X-CLIP was trained on Kinetics actions (a few seconds each) with 8 frames spread
    /// over the clip; 8 frames over 4 s is 2 frames per second, dense enough to see a motion and short enough
    /// that one clip shows one moment, so a hit lands the user within a few seconds of it.
    /// </summary>
    public const double DefaultWindowSeconds = 4.0;

    /// <summary>
    /// Default stride: 2 s (windows overlap by half). Every moment lies in two windows, so an action that
    /// crosses one window's edge is whole in its neighbour, and results can be placed to 2 s; it doubles the
    /// indexing work compared with no overlap, which is the price of not missing boundary-crossing actions.
    /// </summary>
    public const double DefaultStrideSeconds = 2.0;

    /// <summary>Length of one clip's window in seconds.</summary>
    public double WindowSeconds { get; } = double.IsFinite(WindowSeconds) && WindowSeconds > 0
        ? WindowSeconds
        : throw new ArgumentOutOfRangeException(nameof(WindowSeconds), WindowSeconds, "The clip window must be a positive number of seconds.");

    /// <summary>Distance between window starts in seconds.</summary>
    public double StrideSeconds { get; } = double.IsFinite(StrideSeconds) && StrideSeconds > 0 && StrideSeconds <= WindowSeconds
        ? StrideSeconds
        : throw new ArgumentOutOfRangeException(nameof(StrideSeconds), StrideSeconds,
            $"The stride must be positive and at most the window ({WindowSeconds} s), or parts of the video would be skipped.");

    /// <summary>Frames per clip.</summary>
    public int NumFrames { get; } = NumFrames > 0
        ? NumFrames
        : throw new ArgumentOutOfRangeException(nameof(NumFrames), NumFrames, "A clip needs at least one frame.");

    /// <summary>The default window and stride for a model that takes <paramref name="numFrames"/> frames.</summary>
    public static ClipPlanOptions ForModel(int numFrames) => new(DefaultWindowSeconds, DefaultStrideSeconds, numFrames);
}
