using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Web.Security;

/// <summary>
/// When <see cref="WebServerOptions.AccessToken"/> is set, every request past the page's own files and the health
/// probes must carry it, as <c>Authorization: Bearer …</c> or, for the video element and images that cannot send
/// headers, as <c>?token=…</c>. Both sides are hashed first so the comparison takes the same time whatever the
/// presented token's length or content.
/// </summary>
internal sealed class AccessTokenMiddleware(RequestDelegate next, IOptions<WebServerOptions> options, IProblemDetailsService problems)
{
    private readonly byte[]? _expected = string.IsNullOrEmpty(options.Value.AccessToken) ? null : Hash(options.Value.AccessToken);

    public async Task InvokeAsync(HttpContext context)
    {
        if (_expected is null || IsOpen(context.Request.Path))
        {
            await next(context);
            return;
        }
        string? presented = Presented(context.Request);
        if (presented is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), _expected))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Access token required",
                Detail = "Send the server's access token as 'Authorization: Bearer <token>' or '?token=<token>'.",
            },
        });
    }

    private static bool IsOpen(PathString path) =>
        path.Equals("/healthz", StringComparison.OrdinalIgnoreCase) || path.Equals("/readyz", StringComparison.OrdinalIgnoreCase);

    private static string? Presented(HttpRequest request)
    {
        string authorization = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return authorization[scheme.Length..].Trim();
        string? query = request.Query["token"];
        return string.IsNullOrEmpty(query) ? null : query;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
