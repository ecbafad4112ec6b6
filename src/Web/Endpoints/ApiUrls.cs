namespace VideoSearch.Web.Endpoints;

/// <summary>The API's own URLs, as placed in responses (relative, so they work behind any host name).</summary>
internal static class ApiUrls
{
    public static string Stream(long videoId) => $"/api/videos/{videoId}/stream";

    public static string Thumbnail(long clipId) => $"/api/clips/{clipId}/thumbnail";

    public static string Similar(long clipId) => $"/api/clips/{clipId}/similar";
}
