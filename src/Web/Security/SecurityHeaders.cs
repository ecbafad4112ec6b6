using Microsoft.AspNetCore.Http;

namespace VideoSearch.Web.Security;

/// <summary>Headers every response carries: no MIME sniffing, content from this origin only, no referrer (URLs may carry the token), no framing.</summary>
internal static class SecurityHeaders
{
    /// <summary>The page uses only its own script, style, images and media; no inline script or markup styles.</summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Task AddAsync(HttpContext context, Func<Task> next)
    {
        // Set when the response starts, so headers cleared by the exception handler are put back.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next();
    }
}
