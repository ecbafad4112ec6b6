using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoSearch.Cli.Hosting;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Library;
using VideoSearch.Indexer;
using VideoSearch.Search;
using VideoSearch.Web.Hosting;
using VideoSearch.Web.Library;

namespace VideoSearch.Cli.Commands;

/// <summary>
/// <c>videosearch serve</c>: the web page and API, with the indexer following the media folders in the background.
/// One process, one of each thing: one catalog, one live vector index and one model serve both the indexer and
/// search, so what the indexer commits is searchable at once. With <c>--media</c> it holds the library lock.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var media = new Option<DirectoryInfo[]>("--media")
        {
            Description = "Folders of videos to index and watch while serving (repeat for several).",
            AllowMultipleArgumentsPerToken = true,
        };
        var model = CommonOptions.Model();
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default http://127.0.0.1:5080)." };
        var logFormat = CommonOptions.LogFormat();
        var command = SettingOverrides.Allow(new Command("serve",
            "Serve the search page and API; index and watch the --media folders meanwhile.")
        {
            database, media, model, CommonOptions.Precision(), urls, logFormat,
        });
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() => RunAsync(new ServeArguments(
            parse.GetValue(database)!.FullName, parse.GetValue(media) ?? [], CommonOptions.RequestedModel(parse, model),
            parse.GetValue(urls), parse.GetValue(logFormat), SettingOverrides.Of(parse)), cancellationToken)));
        return command;
    }

    private sealed record ServeArguments(string Database, DirectoryInfo[] Media, string? Model, string? Urls, LogFormat LogFormat,
        string[] Settings);

    private static async Task<int> RunAsync(ServeArguments a, CancellationToken cancellationToken)
    {
        foreach (DirectoryInfo folder in a.Media.Where(f => !f.Exists))
        {
            Console.Error.WriteLine($"error: media folder not found: {folder.FullName}");
            return ExitCodes.NotFound;
        }
        bool indexes = a.Media.Length > 0;
        using LibraryLock? writer = indexes ? LibraryLock.Acquire(a.Database, "serve") : null;
        using VideoCatalog catalog = await VideoCatalog.OpenAsync(a.Database, cancellationToken);
        List<string> roots = indexes
            ? a.Media.Select(f => f.FullName).ToList()
            : (await catalog.Roots.ListAsync(cancellationToken)).Select(r => r.Path).ToList();

        await using WebApplication app = VideoSearchWebApplication.Build(a.Settings, builder =>
        {
            builder.Host.UseDefaultServiceProvider(o =>
            {
                o.ValidateOnBuild = true;
                o.ValidateScopes = true;
            });
            CliHost.ConfigureServices(builder.Services);
            builder.Logging.AddVideoSearchConsole(a.LogFormat);
            builder.Services.AddVideoSearchLibrary(catalog, m =>
            {
                m.Model = a.Model ?? m.Model;
                m.AllowModelChange = indexes;
            });
            builder.Services.AddSingleton<IMediaLibrary>(new CatalogMediaLibrary(catalog, roots));
            builder.Services.AddVideoSearchSearch();
            if (indexes)
            {
                builder.Services.AddSingleton<IProgress<DownloadProgress>>(ConsoleDownloadProgress.ForStandardError());
                builder.Services.AddVideoSearchIndexer(o =>
                {
                    o.Roots = roots;
                    o.DatabaseDirectory = a.Database;
                    o.Watch = true;
                });
            }
            else
            {
                builder.Services.AddVideoSearchIndexingProgress();
            }
        }, o =>
        {
            if (!string.IsNullOrWhiteSpace(a.Urls)) o.Urls = a.Urls;
        }, CliHost.EnvironmentName());
        app.Services.GetRequiredService<LibraryVectorIndex>().Writable = indexes || catalog.Database.IsShared;
        await app.StartListeningAsync(cancellationToken);
        Console.Error.WriteLine($"Serving the library in {a.Database} on {string.Join(", ", app.Urls)} (Ctrl+C stops).");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A signal: the normal end of a server.
        }
        using var stopping = new CancellationTokenSource(CliHost.ShutdownTimeout);
        await app.StopAsync(stopping.Token);
        Console.Error.WriteLine("Stopped.");
        return ExitCodes.Ok;
    }
}
