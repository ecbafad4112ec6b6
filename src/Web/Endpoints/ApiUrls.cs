namespace VideoSearch.Web.Endpoints;

/// <summary>The API's own URLs, as placed in responses (relative, so they work behind any host name).</summary>
internal static class ApiUrls
{
    public static string Stream(long videoId) => $"/api/videos/{videoId}/stream";

    /// <summary>How the browser should play the video: the file itself, or a transcode (see <c>docs/web.md</c>).</summary>
    public static string Playback(long videoId) => $"/api/videos/{videoId}/playback";

    /// <summary>The video transcoded for the browser (fragmented MP4); the page adds <c>?start=S</c>.</summary>
    public static string Transcode(long videoId) => $"/api/videos/{videoId}/transcode";

    public static string Thumbnail(long clipId) => $"/api/clips/{clipId}/thumbnail";

    /// <summary>The clip's preview strip: a few of its frames side by side, for a scrub preview.</summary>
    public static string Preview(long clipId) => $"/api/clips/{clipId}/preview";

    public static string Similar(long clipId) => $"/api/clips/{clipId}/similar";
}
