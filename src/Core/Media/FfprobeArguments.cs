namespace VideoSearch.Core.Media;

/// <summary>The ffprobe argument lists. Inputs are always given as <c>file:</c> + full path so a name that starts with a dash is never read as an option.</summary>
internal static class FfprobeArguments
{
    /// <summary>Format and streams as JSON (stream side data, which carries the display-matrix rotation, is part of -show_streams).</summary>
    public static IReadOnlyList<string> Probe(string fullPath) =>
        ["-v", "error", "-hide_banner", "-print_format", "json", "-show_format", "-show_streams", InputUrl(fullPath)];

    /// <summary>Every video packet's time and duration, demuxed only (no decoding), for files without a stated duration.</summary>
    public static IReadOnlyList<string> PacketScan(string fullPath) =>
        ["-v", "error", "-hide_banner", "-select_streams", "v:0", "-show_entries", "packet=pts_time,duration_time",
         "-of", "csv=p=0", InputUrl(fullPath)];

    /// <summary>ffmpeg's file protocol URL for a full path.</summary>
    public static string InputUrl(string fullPath) => "file:" + fullPath;
}
