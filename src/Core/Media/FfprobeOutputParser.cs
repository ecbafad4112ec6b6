using System.Globalization;
using System.Text.Json;

namespace VideoSearch.Core.Media;

/// <summary>
/// Reads the JSON that <c>ffprobe -print_format json -show_format -show_streams</c> prints. Kept apart from the
/// code that runs ffprobe so it can be tested on recorded output.
/// </summary>
internal static class FfprobeOutputParser
{
    /// <summary>
    /// Picks the first real video stream (cover pictures are not video) and the first audio stream. Throws
    /// <see cref="MediaException"/> with <see cref="MediaErrorKind.NoVideoStream"/> when there is no video, and
    /// <see cref="MediaErrorKind.NotAMediaFile"/> when the report is not ffprobe JSON.
    /// </summary>
    public static ProbeFacts Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new MediaException(MediaErrorKind.NotAMediaFile, path, "ffprobe gave an unreadable report.", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            JsonElement format = root.TryGetProperty("format", out var f) ? f : default;
            var streams = root.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().ToList()
                : [];

            JsonElement? video = streams.FirstOrDefault(IsVideo) is { ValueKind: JsonValueKind.Object } v ? v : null;
            if (video is not { } stream)
            {
                throw new MediaException(MediaErrorKind.NoVideoStream, path, "the file has no video stream.");
            }
            string? audioCodec = streams.Where(x => String(x, "codec_type") == "audio").Select(x => String(x, "codec_name")).FirstOrDefault();

            if (Int(stream, "width") <= 0 || Int(stream, "height") <= 0)
            {
                throw new MediaException(MediaErrorKind.CorruptContainer, path, "the video stream has no picture size.");
            }

            double fps = Rate(String(stream, "avg_frame_rate")) ?? Rate(String(stream, "r_frame_rate")) ?? 0;
            long? frames = Integer(String(stream, "nb_frames")) is > 0 and var n ? n : null;
            return new ProbeFacts(
                Container: String(format, "format_name") ?? "unknown",
                DurationSeconds: VideoDuration(stream, format),
                StartTimeSeconds: Number(String(format, "start_time")) ?? 0,
                FramesPerSecond: fps,
                FrameCount: frames,
                CodedWidth: Int(stream, "width"),
                CodedHeight: Int(stream, "height"),
                Rotation: Rotation(stream),
                VideoCodec: String(stream, "codec_name") ?? "unknown",
                PixelFormat: String(stream, "pix_fmt"),
                AudioCodec: audioCodec,
                BitRate: Integer(String(format, "bit_rate")));
        }
    }

    private static bool IsVideo(JsonElement stream) =>
        String(stream, "codec_type") == "video"
        && !(stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var p)
             && p.ValueKind == JsonValueKind.Number && p.GetInt32() == 1);

    /// <summary>
    /// The video stream's own length (MP4 track duration, or Matroska's per-track DURATION tag) is preferred over the
    /// container's, which also covers audio that may run longer than the picture.
    /// </summary>
    private static double? VideoDuration(JsonElement stream, JsonElement format)
    {
        if (Number(String(stream, "duration")) is > 0 and var own) return own;
        if (stream.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tags.EnumerateObject())
            {
                if (tag.Name.Equals("DURATION", StringComparison.OrdinalIgnoreCase)
                    && TimeSpan.TryParse(TrimToTicks(tag.Value.GetString()), CultureInfo.InvariantCulture, out var span)
                    && span > TimeSpan.Zero)
                {
                    return span.TotalSeconds;
                }
            }
        }
        return Number(String(format, "duration")) is > 0 and var container ? container : null;
    }

    // Matroska writes nine fractional digits (00:00:05.007000000); TimeSpan accepts at most seven.
    private static string? TrimToTicks(string? text)
    {
        if (text is null) return null;
        int dot = text.LastIndexOf('.');
        return dot >= 0 && text.Length - dot - 1 > 7 ? text[..(dot + 8)] : text;
    }

    /// <summary>The display-matrix angle (side data), else the legacy <c>rotate</c> tag, which counts the other way.</summary>
    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                {
                    return (int)Math.Round(r.GetDouble());
                }
            }
        }
        if (stream.TryGetProperty("tags", out var tags) && Integer(String(tags, "rotate")) is { } legacy)
        {
            return -(int)legacy;
        }
        return 0;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static int Int(JsonElement element, string name) => (int)(Integer(String(element, name)) ?? 0);

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    private static long? Integer(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : null;

    /// <summary>Parses ffprobe's "num/den" rates; "0/0" (unknown) gives null.</summary>
    internal static double? Rate(string? text)
    {
        if (text is null) return null;
        int slash = text.IndexOf('/');
        if (slash < 0) return Number(text) is > 0 and var plain ? plain : null;
        double? num = Number(text[..slash]);
        double? den = Number(text[(slash + 1)..]);
        return num is > 0 && den is > 0 ? num / den : null;
    }
}
