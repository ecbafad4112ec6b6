using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using VideoSearch.Web.Endpoints;
using VideoSearch.Web.Health;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Hosting;

/// <summary>The web layer's request pipeline and routes.</summary>
public static class WebApplicationExtensions
{
    /// <summary>
    /// Adds the middleware, outermost first: security headers, exception handler (ProblemDetails), status-code
    /// ProblemDetails, host filtering (<see cref="LoopbackHosts"/>), request logging, the page (embedded files), the
    /// access token check, the rate limiter.
    /// </summary>
    public static IApplicationBuilder UseVideoSearchWeb(this IApplicationBuilder app)
    {
        app.Use(SecurityHeaders.AddAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHostFiltering();
        app.UseHttpLogging();
        app.UseVideoSearchUi();
        app.UseMiddleware<AccessTokenMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps the JSON API under <c>/api</c>, <c>/media/{**path}</c>, <c>/healthz</c>, <c>/readyz</c> and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapVideoSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api").WithTags("Search").MapSearchEndpoints().MapExampleEndpoints();
        endpoints.MapGroup("/api").WithTags("Videos").MapVideoEndpoints().MapPlaybackEndpoints().MapClipEndpoints();
        endpoints.MapGroup("/api").WithTags("Library").MapLibraryEndpoints();
        endpoints.MapGroup("/api").WithTags("Indexing").MapStatusEndpoints();
        endpoints.MapMediaEndpoint();
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(HealthCheckTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(HealthCheckTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        endpoints.MapOpenApi();
        return endpoints;
    }
}
