using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VideoSearch.Web.Hosting;

/// <summary>
/// Composes the web server in one place: configuration (appsettings.json next to the executable, environment,
/// command line), the caller's services, the web layer, the listening addresses, the pipeline and the routes.
/// </summary>
public static class VideoSearchWebApplication
{
    /// <summary>
    /// Builds the server. <paramref name="registerServices"/> adds <c>ISearchService</c>, <c>IIndexingProgress</c>,
    /// <c>IMediaLibrary</c>, the indexing worker and readiness checks (tagged <see cref="Health.HealthCheckTags.Ready"/>);
    /// <paramref name="configure"/> applies command-line overrides (e.g. <c>--urls</c>) over the <c>Web</c> section.
    /// </summary>
    /// <param name="args">Configuration from the command line (e.g. <c>--Web:AccessToken=…</c>, <c>--AllowedHosts=…</c>).</param>
    /// <param name="registerServices">Adds the services the endpoints use.</param>
    /// <param name="configure">Overrides of the <c>Web</c> section.</param>
    /// <param name="environmentName">The host environment (Production when null), e.g. from <c>ASPNETCORE_ENVIRONMENT</c>.</param>
    /// <exception cref="WebServerConfigurationException">The settings are invalid, e.g. a non-loopback address without an access token.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder> registerServices, Action<WebServerOptions>? configure = null,
        string? environmentName = null)
    {
        ArgumentNullException.ThrowIfNull(registerServices);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environmentName,
        });

        // Checked here, before anything listens: Kestrel needs the addresses now, and a server reachable from
        // other machines must never start without its token.
        var settings = new WebServerOptions();
        builder.Configuration.GetSection(WebServerOptions.SectionName).Bind(settings);
        configure?.Invoke(settings);
        var problems = WebServerOptionsValidator.FindProblems(settings);
        if (problems.Count > 0) throw new WebServerConfigurationException(problems);

        var urls = WebServerOptionsValidator.SplitUrls(settings.Urls);
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        LoopbackHosts.Configure(builder, urls);
        registerServices(builder);
        builder.Services.AddVideoSearchWeb(configure);

        var app = builder.Build();
        app.UseVideoSearchWeb();
        app.MapVideoSearchApi();
        return app;
    }
}
