using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Web.Security;

/// <summary>
/// The API's rate limit: a token bucket per client address (<see cref="WebServerOptions.RateLimitPerSecond"/>,
/// <see cref="WebServerOptions.RateLimitBurst"/>). Thumbnails and video ranges are exempt: one result page asks for
/// dozens of them at once and they cost nothing next to a search.
/// </summary>
internal static class RateLimiting
{
    /// <summary>The policy name the rate-limited endpoints require.</summary>
    public const string ApiPolicy = "api";

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(ApiPolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<WebServerOptions>>().Value;
            string client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (options.RateLimitPerSecond == 0) return RateLimitPartition.GetNoLimiter(client);
            return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.RateLimitBurst,
                TokensPerPeriod = options.RateLimitPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter))
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = "This client is sending requests faster than the server allows; wait a moment and try again.",
                },
            });
        };
    }
}
