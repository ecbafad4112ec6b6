using System.Globalization;
using System.Text.Json;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace VideoSearch.Core.Media;

/// <summary>
/// Turns FFMpegCore's <see cref="IMediaAnalysis"/> (ffprobe's format and stream report) into <see cref="ProbeFacts"/>.
/// Kept apart from the code that runs ffprobe so it can be tested on recorded reports through
/// <see cref="FFProbe.FromJson"/>. FFMpegCore reads the report; this class only picks the stream and fills in the
/// few facts FFMpegCore leaves raw (frame count, time base, negative start times, the legacy rotate tag's sign).
/// </summary>
internal static class MediaAnalysisReader
{
    /// <summary>
    /// Picks the first real video stream (cover pictures are not video) and the first audio stream. Throws
    /// <see cref="MediaException"/> with <see cref="MediaErrorKind.NoVideoStream"/> when there is no video.
    /// </summary>
    public static ProbeFacts Read(IMediaAnalysis analysis, string path)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        VideoStream? video = analysis.VideoStreams.FirstOrDefault(s => !IsCoverPicture(s));
        if (video is null)
        {
            throw new MediaException(MediaErrorKind.NoVideoStream, path, "the file has no video stream.");
        }
        if (video.Width is not > 0 || video.Height is not > 0)
        {
            throw new MediaException(MediaErrorKind.CorruptContainer, path, "the video stream has no picture size.");
        }
        FFProbeStream? raw = analysis.Raw.Streams.FirstOrDefault(s => s.Index == video.Index);

        return new ProbeFacts(
            Container: analysis.Format.FormatName ?? "unknown",
            DurationSeconds: VideoDuration(video, analysis.Format),
            StartTimeSeconds: SignedSeconds(analysis.Raw.Format?.StartTime) ?? 0,
            FramesPerSecond: Rate(video.AverageFrameRate) ?? Rate(video.RealFrameRate) ?? 0,
            FrameCount: Integer(Extension(raw, "nb_frames")) is > 0 and var frames ? frames : null,
            CodedWidth: video.Width.Value,
            CodedHeight: video.Height.Value,
            Rotation: Rotation(video),
            VideoCodec: video.CodecName ?? "unknown",
            PixelFormat: video.PixelFormat,
            AudioCodec: analysis.AudioStreams.FirstOrDefault()?.CodecName,
            BitRate: analysis.Format.BitRate,
            StreamIndex: video.Index,
            TimeBase: Fraction(Extension(raw, "time_base")),
            ExactTimeBase: StreamTimeBase.Parse(Extension(raw, "time_base")));
    }

    /// <summary>Reads a recorded ffprobe JSON report (as FFMpegCore requests it: <c>-sexagesimal</c> times).</summary>
    public static ProbeFacts Parse(string json, string path)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = FFProbe.FromJson(json);
        }
        catch (Exception e) when (IsUnreadableReport(e))
        {
            throw UnreadableReport(path, e);
        }
        return Read(analysis, path);
    }

    /// <summary>
    /// Exceptions FFMpegCore throws while reading a report it cannot make sense of: not JSON, no format section,
    /// a number it cannot parse, a disposition flag other than 0/1.
    /// </summary>
    public static bool IsUnreadableReport(Exception e) =>
        e is JsonException or FormatNullException or FormatException or OverflowException or ArgumentOutOfRangeException;

    /// <summary>The error for a report that cannot be read.</summary>
    public static MediaException UnreadableReport(string path, Exception e) =>
        new(MediaErrorKind.NotAMediaFile, path, "ffprobe gave a report that cannot be read.", e);

    private static bool IsCoverPicture(VideoStream stream) =>
        stream.Disposition is { } d && d.TryGetValue("attached_pic", out bool attached) && attached;

    /// <summary>
    /// The video stream's own length (MP4 track duration, or Matroska's per-track DURATION tag, both read by
    /// FFMpegCore to the millisecond) is preferred over the container's, which also covers audio that may run longer
    /// than the picture. Zero means unknown.
    /// </summary>
    private static double? VideoDuration(VideoStream video, MediaFormat format)
    {
        if (video.Duration > TimeSpan.Zero) return video.Duration.TotalSeconds;
        return format.Duration > TimeSpan.Zero ? format.Duration.TotalSeconds : null;
    }

    /// <summary>
    /// The display-matrix angle as ffprobe prints it; FFMpegCore falls back to the legacy <c>rotate</c> tag, which
    /// counts the other way (clockwise), so that value is negated.
    /// </summary>
    private static int Rotation(VideoStream video)
    {
        bool displayMatrix = video.SideData?.Any(d =>
            d.TryGetValue("side_data_type", out var type) && type.ToString() == "Display Matrix" && d.ContainsKey("rotation")) == true;
        return displayMatrix ? video.Rotation : -video.Rotation;
    }

    /// <summary>
    /// A sexagesimal time such as <c>0:00:05.007000</c>. FFMpegCore reads only non-negative ones and ffprobe writes a
    /// negative start (WebM with Opus pre-skip) as <c>0:00:-0.007000</c>, so the sign is taken from any part.
    /// </summary>
    internal static double? SignedSeconds(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        double total = 0;
        foreach (string part in text.Split(':'))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value)) return null;
            total = total * 60 + Math.Abs(value);
        }
        return text.Contains('-') ? -total : total;
    }

    private static string? Extension(FFProbeStream? stream, string name) =>
        stream is not null && stream.ExtensionData.TryGetValue(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static long? Integer(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : null;

    /// <summary>FFMpegCore gives unknown rates ("0/0") as NaN.</summary>
    private static double? Rate(double rate) => double.IsFinite(rate) && rate > 0 ? rate : null;

    /// <summary>Parses ffprobe's "num/den" (time bases); a missing or zero part gives null.</summary>
    internal static double? Fraction(string? text)
    {
        if (text is null) return null;
        string[] parts = text.Split('/');
        if (parts.Length != 2) return null;
        return Integer(parts[0]) is > 0 and var num && Integer(parts[1]) is > 0 and var den ? (double)num / den : null;
    }
}
