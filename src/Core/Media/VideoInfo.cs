namespace VideoSearch.Core.Media;

/// <summary>
/// What ffprobe says about a video file. Times are in seconds; <see cref="DurationSeconds"/> is measured from the
/// start of the file (what a player shows and what ffmpeg's <c>-ss</c> takes), <see cref="StartTimeSeconds"/> is
/// the container's first timestamp (e.g. -0.007 for WebM with Opus pre-skip) and is informational.
/// </summary>
/// <param name="Path">The full path of the file.</param>
/// <param name="Container">ffprobe's format name, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>.</param>
/// <param name="DurationSeconds">Length of the video stream (from the stream, the container, or a packet scan).</param>
/// <param name="StartTimeSeconds">The container's start time.</param>
/// <param name="FramesPerSecond">Average frame rate (for variable-rate video, frame times are not n / rate).</param>
/// <param name="FrameCount">Number of video frames, exact or estimated (see <paramref name="FrameCountIsEstimate"/>).</param>
/// <param name="FrameCountIsEstimate">True when the count is duration x rate rather than from the container or a scan.</param>
/// <param name="CodedWidth">Stored picture width.</param>
/// <param name="CodedHeight">Stored picture height.</param>
/// <param name="Rotation">Display-matrix angle in degrees as ffprobe prints it (-90: turn 90 degrees clockwise to show).</param>
/// <param name="VideoCodec">Video codec name, e.g. <c>h264</c>.</param>
/// <param name="PixelFormat">Decoder pixel format, e.g. <c>yuv420p</c>.</param>
/// <param name="AudioCodec">First audio stream's codec, or null when there is none.</param>
/// <param name="BitRate">Overall bit rate in bits per second, when known.</param>
public sealed record VideoInfo(
    string Path,
    string Container,
    double DurationSeconds,
    double StartTimeSeconds,
    double FramesPerSecond,
    long FrameCount,
    bool FrameCountIsEstimate,
    int CodedWidth,
    int CodedHeight,
    int Rotation,
    string VideoCodec,
    string? PixelFormat,
    string? AudioCodec,
    long? BitRate)
{
    /// <summary>True when the picture is shown turned by a quarter turn, so width and height swap.</summary>
    public bool IsQuarterTurned => Math.Abs(Rotation) % 180 == 90;

    /// <summary>Width of decoded frames once the rotation is applied.</summary>
    public int DisplayWidth => IsQuarterTurned ? CodedHeight : CodedWidth;

    /// <summary>Height of decoded frames once the rotation is applied.</summary>
    public int DisplayHeight => IsQuarterTurned ? CodedWidth : CodedHeight;

    /// <summary>
    /// The video stream's time base, when ffprobe stated it (<see cref="MediaProbe"/> fills it in). The one-pass
    /// decode of a clip plan needs it to pick exactly the frames the per-clip seek path picks; without it a plan is
    /// decoded clip by clip.
    /// </summary>
    public StreamTimeBase? TimeBase { get; init; }
}
