using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Media;
using VideoSearch.Web.Health;
using VideoSearch.Web.Media;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Hosting;

/// <summary>Registers the web layer's services.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the API and page need: options (section <c>Web</c>, validated at start), ProblemDetails, rate limiting,
    /// request logging, health checks, the OpenAPI document. The caller registers the services the endpoints use:
    /// <c>ISearchService</c>, <c>IIndexingProgress</c> and <c>IMediaLibrary</c>.
    /// </summary>
    public static IServiceCollection AddVideoSearchWeb(this IServiceCollection services, Action<WebServerOptions>? configure = null)
    {
        services.AddOptions<WebServerOptions>()
            .BindConfiguration(WebServerOptions.SectionName)
            .PostConfigure(o => configure?.Invoke(o))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebServerOptions>, WebServerOptionsValidator>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddRateLimiter(RateLimiting.Configure);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are numbers: the web default also accepts them as strings, which the OpenAPI schema then has to allow.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddHttpLogging(o =>
        {
            // Path without the query string: a ?token= must never reach the log.
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddHealthChecks().AddCheck<MediaFoldersHealthCheck>("media-folders", tags: [HealthCheckTags.Ready]);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "VideoSearch API";
            document.Info.Description = "Text-to-video search over a local library: search, search by example, video details and streaming, thumbnails, indexing status.";
            return Task.CompletedTask;
        }));
        services.AddSingleton<MediaFileResolver>();
        // Transcodes and their probes have their own services and slots, apart from search's.
        services.TryAddSingleton(_ => new MediaProbe());
        services.TryAddSingleton(_ => new Transcoder());
        services.AddSingleton<ProbeCache>();
        services.AddSingleton<TranscodeSlots>();
        return services;
    }
}
