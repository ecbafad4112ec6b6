using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoSearch.Cli.Hosting;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Library;
using VideoSearch.Indexer;
using VideoSearch.Indexer.Progress;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Cli.Commands;

/// <summary>
/// <c>videosearch index &lt;folder&gt;... [--db &lt;dir&gt;] [--model &lt;folder|hub-id&gt;] [--watch]</c>: runs the indexer
/// worker in a host (appsettings.json from the program folder, setting flags overriding it) until it is done, or
/// until SIGINT/SIGTERM. It holds the library lock while it runs: one writer per library.
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("folder")
        {
            Description = "Folders of videos to index (recursively). NAME=PATH says the folder is the shared catalog's root NAME, " +
                          "mounted here at PATH.",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = CommonOptions.Database();
        var catalogOption = CommonOptions.Catalog();
        var model = CommonOptions.Model();
        var watch = new Option<bool>("--watch") { Description = "Keep following the folders for added, changed and deleted files." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log each step (to standard error)." };
        var logFormat = CommonOptions.LogFormat();
        var command = SettingOverrides.Allow(new Command("index",
            "Index the videos in folders: new, changed, moved and deleted files are brought up to date."));
        command.Arguments.Add(folders);
        command.Options.Add(database);
        command.Options.Add(catalogOption);
        command.Options.Add(model);
        command.Options.Add(CommonOptions.Precision());
        command.Options.Add(watch);
        command.Options.Add(verbose);
        command.Options.Add(logFormat);
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            // The folder argument also took the setting flags (--Indexer:LeaseDuration=...): they are split off here.
            (string[] settings, string[] named) = SettingOverrides.Split(parse, folders);
            if (named.Length == 0)
                throw new SettingFlagException("Name at least one folder of videos to index, besides the setting flags.");
            return RunAsync(new IndexArguments(
                named.Select(LibraryFolder.Parse).ToArray(), parse.GetValue(database)!.FullName, parse.GetValue(catalogOption),
                CommonOptions.RequestedModel(parse, model), parse.GetValue(watch), parse.GetValue(verbose), parse.GetValue(logFormat),
                settings), cancellationToken);
        }));
        return command;
    }

    private sealed record IndexArguments(LibraryFolder[] Folders, string Database, string? Catalog, string? Model, bool Watch, bool Verbose,
        LogFormat LogFormat, string[] Settings);

    private static async Task<int> RunAsync(IndexArguments a, CancellationToken cancellationToken)
    {
        foreach (DirectoryInfo folder in a.Folders.Select(f => f.Directory).Where(f => !f.Exists))
        {
            Console.Error.WriteLine($"error: media folder not found: {folder.FullName}");
            return ExitCodes.NotFound;
        }
        // A SQLite library has one writer; a shared catalog has many, coordinated by leases in the catalog, and an
        // indexer of one writes no file of its own.
        using LibraryLock? writer = a.Catalog is null ? LibraryLock.Acquire(a.Database, "index") : null;
        using VideoCatalog catalog = await VideoCatalog.OpenAsync(a.Database, a.Catalog, cancellationToken);
        await LibraryFolder.RegisterAsync(a.Folders, catalog, mapOnly: false, cancellationToken);
        var builder = CliHost.CreateBuilder(a.Settings, a.LogFormat, a.Verbose ? LogLevel.Information : LogLevel.Warning);
        // This command reports the worker's failure itself, once, with an exit code.
        builder.Logging.AddFilter(typeof(IndexerWorker).FullName, LogLevel.None);
        builder.Services.AddVideoSearchLibrary(catalog, m =>
        {
            m.Model = a.Model ?? m.Model;
            m.AllowModelChange = true;
        });
        builder.Services.AddSingleton<IProgress<DownloadProgress>>(ConsoleDownloadProgress.ForStandardError());
        builder.Services.AddVideoSearchIndexer(o =>
        {
            o.Roots = a.Folders.Select(f => f.FullPath).ToList();
            foreach (LibraryFolder folder in a.Folders.Where(f => f.Name is not null)) o.RootNames[folder.FullPath] = folder.Name!;
            o.DatabaseDirectory = a.Database;
            o.Watch = a.Watch;
        });
        using IHost host = builder.Build();
        host.Services.GetRequiredService<LibraryVectorIndex>().Writable = true;
        var progress = host.Services.GetRequiredService<IndexingProgress>();
        var worker = host.Services.GetRequiredService<IndexerWorker>();
        await host.StartAsync(cancellationToken);
        int exit = ExitCodes.Ok;
        await using (new ConsoleProgressDisplay(progress, Console.Error, interactive: !Console.IsErrorRedirected))
        {
            try
            {
                await worker.ExecuteTask!.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Watching has no end of its own: a signal is how it ends. A one-shot run stopped early says so.
                exit = a.Watch ? ExitCodes.Ok : ShutdownSignals.StoppedExitCode();
            }
            using var stopping = new CancellationTokenSource(CliHost.ShutdownTimeout);
            await host.StopAsync(stopping.Token);
            if (worker.Failure is { } failure) exit = CliErrors.Report(failure, Console.Error, "indexing failed");
        }
        if (progress.LastPass is { } summary) IndexSummaryWriter.Write(Console.Out, summary);
        if (exit is ExitCodes.Interrupted or ExitCodes.Terminated || (a.Watch && cancellationToken.IsCancellationRequested))
            Console.Error.WriteLine("Stopped; the next run continues where this one stopped.");
        return exit;
    }
}
