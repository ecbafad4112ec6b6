using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Cli.Hosting;

/// <summary>
/// What every host the CLI builds shares, in one place: configuration (appsettings.json beside the executable, the
/// environment, then setting flags), the environment name (DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT, default
/// Production), a container that validates every registration when it is built, the command's own lifetime (see
/// <see cref="CommandLifetime"/>) and plain or JSON console logs on standard error.
/// </summary>
internal static class CliHost
{
    /// <summary>How long a stopping host waits for its services (the indexer finishes or abandons its video).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    /// <summary>A host builder for a command, with <paramref name="settings"/> from its setting flags.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] settings, LogFormat logFormat, LogLevel minimumLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = settings,
            EnvironmentName = EnvironmentName(),
        });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        }));
        ConfigureServices(builder.Services);
        builder.Logging.AddVideoSearchConsole(logFormat);
        builder.Logging.SetMinimumLevel(minimumLevel);
        return builder;
    }

    /// <summary>The parts of a host every command shares, also applied to the web server's builder.</summary>
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IHostLifetime, CommandLifetime>();
        services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = ShutdownTimeout;
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore;
        });
    }

    /// <summary>The host environment's name, as ASP.NET Core and the generic host read it.</summary>
    public static string EnvironmentName() =>
        System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
        : Environments.Production;
}
