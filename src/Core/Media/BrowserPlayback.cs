namespace VideoSearch.Core.Media;

/// <summary>
/// Decides from the probe whether Chromium and Firefox can both play a file directly (with a <c>&lt;video&gt;</c>
/// element on the file itself) or whether it has to be transcoded. Only what both browsers play everywhere is direct:
/// <list type="bullet">
/// <item>MP4 family (ffprobe's <c>mov,mp4,…</c>, named <c>.mp4</c>, <c>.m4v</c> or <c>.mov</c>) with H.264 or AV1
/// video and AAC, MP3, Opus, FLAC or no audio;</item>
/// <item>WebM (ffprobe's <c>matroska,webm</c>, named <c>.webm</c>) with VP8, VP9 or AV1 video and Vorbis, Opus or no
/// audio;</item>
/// <item>in both, 8-bit 4:2:0 pictures (<c>yuv420p</c>, or <c>yuvj420p</c>, its full-range spelling).</item>
/// </list>
/// Everything else is transcoded: Motion JPEG and AVI (neither browser has them), HEVC (Firefox has no decoder and
/// Chromium on Linux has none without hardware support), ProRes, 10-bit and 4:2:2/4:4:4 pictures (H.264's High 10 and
/// 4:4:4 profiles, which browsers do not decode), PCM audio in MP4 (not in the MP4 registrations browsers accept),
/// and Matroska named <c>.mkv</c> (served as <c>video/x-matroska</c>, which Firefox refuses whatever it holds).
/// The extension counts because the server's content type comes from it (<c>VideoContentTypes</c>).
/// </summary>
public static class BrowserPlayback
{
    private static readonly HashSet<string> s_mp4Extensions = new(StringComparer.OrdinalIgnoreCase) { ".mp4", ".m4v", ".mov" };
    private static readonly HashSet<string> s_mp4Video = new(StringComparer.Ordinal) { "h264", "av1" };
    private static readonly HashSet<string> s_mp4Audio = new(StringComparer.Ordinal) { "aac", "mp3", "opus", "flac" };
    private static readonly HashSet<string> s_webmVideo = new(StringComparer.Ordinal) { "vp8", "vp9", "av1" };
    private static readonly HashSet<string> s_webmAudio = new(StringComparer.Ordinal) { "vorbis", "opus" };
    private static readonly HashSet<string> s_pixelFormats = new(StringComparer.Ordinal) { "yuv420p", "yuvj420p" };

    /// <summary>The decision for the probed file <paramref name="video"/> (its path gives the extension).</summary>
    public static PlaybackDecision Decide(VideoInfo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        string extension = Path.GetExtension(video.Path);
        string[] formats = video.Container.Split(',');
        (HashSet<string> videoCodecs, HashSet<string> audioCodecs, string family)? container =
            formats.Contains("mp4") && s_mp4Extensions.Contains(extension) ? (s_mp4Video, s_mp4Audio, "MP4")
            : formats.Contains("webm") && string.Equals(extension, ".webm", StringComparison.OrdinalIgnoreCase) ? (s_webmVideo, s_webmAudio, "WebM")
            : null;
        if (container is not var (videoCodecs, audioCodecs, family))
        {
            return PlaybackDecision.Transcode($"browsers do not play the {video.Container} container of a {ExtensionText(extension)} file");
        }
        if (!videoCodecs.Contains(video.VideoCodec))
        {
            return PlaybackDecision.Transcode($"browsers do not play {video.VideoCodec} video in {family}");
        }
        if (video.PixelFormat is not { } pixels || !s_pixelFormats.Contains(pixels))
        {
            return PlaybackDecision.Transcode($"browsers do not play {video.VideoCodec} with the {video.PixelFormat ?? "unknown"} picture format (only 8-bit 4:2:0)");
        }
        if (video.AudioCodec is { } audio && !audioCodecs.Contains(audio))
        {
            return PlaybackDecision.Transcode($"browsers do not play {audio} audio in {family}");
        }
        return PlaybackDecision.Play;
    }

    private static string ExtensionText(string extension) => extension.Length > 0 ? extension : "extensionless";
}
