using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Indexer;
using VideoSearch.Indexer.Progress;
using VideoSearch.Search;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Library;
using VideoSearch.Web.Hosting;
using VideoSearch.Web.Library;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch serve</c>: the web page and API, with the indexer following the media folders in the background.</summary>
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
        var command = new Command("serve", "Serve the search page and API; index and watch the --media folders meanwhile.")
        {
            database, media, model, urls,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() => RunAsync(
            parse.GetValue(database)!.FullName, parse.GetValue(media) ?? [], parse.GetValue(model)!, parse.GetValue(urls), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string database, DirectoryInfo[] media, string model, string? urls, CancellationToken cancellationToken)
    {
        foreach (DirectoryInfo folder in media.Where(f => !f.Exists))
        {
            Console.Error.WriteLine($"Media folder not found: {folder.FullName}");
            return ExitCodes.NotFound;
        }
        using VideoCatalog catalog = await VideoCatalog.OpenAsync(database, cancellationToken);
        // One copy of the model for the indexer and every search session (disposed after the host has stopped).
        using var models = new XClipInferenceCache();
        List<string> roots = media.Length > 0
            ? media.Select(f => f.FullName).ToList()
            : (await catalog.Roots.ListAsync(cancellationToken)).Select(r => r.Path).ToList();

        var app = VideoSearchWebApplication.Build([], builder =>
        {
            builder.Services.AddSingleton<IMediaLibrary>(new CatalogMediaLibrary(catalog, roots));
            builder.Services.AddSingleton(models);
            builder.Services.AddVideoSearchSearch();
            builder.Services.AddSingleton<ISearchService>(sp => new RefreshingSearchService(
                catalog, database, model, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value,
                ModelLocator.FromEnvironment(), notice => sp.GetRequiredService<ILoggerFactory>().CreateLogger("Search").LogInformation("{Notice}", notice), models));
            if (media.Length > 0)
            {
                builder.Services.AddSingleton<IProgress<DownloadProgress>>(ConsoleDownloadProgress.ForStandardError());
                builder.Services.AddVideoSearchIndexer(o =>
                {
                    o.Roots = roots;
                    o.DatabaseDirectory = database;
                    o.Model = model;
                    o.Watch = true;
                });
            }
            else
            {
                builder.Services.AddSingleton<IIndexingProgress, IndexingProgress>();
            }
        }, o =>
        {
            if (!string.IsNullOrWhiteSpace(urls)) o.Urls = urls;
        });
        await app.StartAsync(cancellationToken);
        Console.Error.WriteLine($"Serving the library in {database} on {string.Join(", ", app.Urls)} (Ctrl+C stops).");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(stopping.Token);
        return ExitCodes.Ok;
    }
}
