namespace VideoSearch.Core.Media;

/// <summary>
/// What one ffprobe analysis states about a file's video, before any gaps are filled: the duration and the
/// frame count are null when neither the video stream nor the container gives them (live-recorded WebM).
/// <see cref="StreamIndex"/> and <see cref="TimeBase"/> let a packet scan of that stream turn packet times into seconds;
/// <see cref="ExactTimeBase"/> is the same time base as a fraction, for <see cref="VideoInfo.TimeBase"/>.
/// </summary>
internal sealed record ProbeFacts(
    string Container,
    double? DurationSeconds,
    double StartTimeSeconds,
    double FramesPerSecond,
    long? FrameCount,
    int CodedWidth,
    int CodedHeight,
    int Rotation,
    string VideoCodec,
    string? PixelFormat,
    string? AudioCodec,
    long? BitRate,
    int StreamIndex,
    double? TimeBase,
    StreamTimeBase? ExactTimeBase = null)
{
    /// <summary>Completes the facts into a <see cref="VideoInfo"/> given the final duration and, when scanned, the frame count.</summary>
    public VideoInfo ToVideoInfo(string path, double durationSeconds, long? scannedFrameCount)
    {
        long? exact = FrameCount ?? scannedFrameCount;
        long frames = exact ?? Math.Max(1, (long)Math.Round(durationSeconds * FramesPerSecond));
        return new VideoInfo(path, Container, durationSeconds, StartTimeSeconds, FramesPerSecond, frames, exact is null,
            CodedWidth, CodedHeight, Rotation, VideoCodec, PixelFormat, AudioCodec, BitRate) { TimeBase = ExactTimeBase };
    }
}
