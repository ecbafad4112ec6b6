namespace VideoSearch.Core.Catalog;

/// <summary>What probing found out about a video, stored with it when it is indexed.</summary>
/// <param name="DurationSeconds">Duration in seconds, when known.</param>
/// <param name="FramesPerSecond">Average frame rate, when known.</param>
/// <param name="Width">Coded width in pixels.</param>
/// <param name="Height">Coded height in pixels.</param>
/// <param name="RotationDegrees">Display rotation (0, 90, 180, 270).</param>
/// <param name="VideoCodec">Video codec name as ffprobe spells it.</param>
/// <param name="AudioCodec">Audio codec name, or null when the file has no audio.</param>
public sealed record VideoMetadata(
    double? DurationSeconds,
    double? FramesPerSecond,
    int Width,
    int Height,
    int RotationDegrees,
    string? VideoCodec,
    string? AudioCodec);
