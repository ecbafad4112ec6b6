namespace VideoSearch.Web.Media;

/// <summary>The content type of a video file from its extension (what the browser's video element needs to hear).</summary>
internal static class VideoContentTypes
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".mov"] = "video/quicktime",
        [".webm"] = "video/webm",
        [".mkv"] = "video/x-matroska",
        [".avi"] = "video/x-msvideo",
        [".ogv"] = "video/ogg",
        [".mpg"] = "video/mpeg",
        [".mpeg"] = "video/mpeg",
        [".ts"] = "video/mp2t",
        [".m2ts"] = "video/mp2t",
        [".wmv"] = "video/x-ms-wmv",
        [".flv"] = "video/x-flv",
        [".3gp"] = "video/3gpp",
    };

    /// <summary>The video content type for <paramref name="path"/>, or null when its extension is not a known video one.</summary>
    public static string? For(string path) => s_types.GetValueOrDefault(Path.GetExtension(path));
}
