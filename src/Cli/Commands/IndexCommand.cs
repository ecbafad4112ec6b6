using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Hub;
using VideoSearch.Indexer;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Cli.Commands;

/// <summary>
/// <c>videosearch index &lt;folder&gt;... [--db &lt;dir&gt;] [--model &lt;folder|hub-id&gt;] [--watch]</c>: runs the indexer
/// worker in a host (appsettings.json from the program folder, the command line overriding it) until it is done,
/// or until Ctrl+C with --watch.
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var folders = new Argument<DirectoryInfo[]>("folder")
        {
            Description = "Folders of videos to index (recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = CommonOptions.Database();
        var model = CommonOptions.Model();
        var watch = new Option<bool>("--watch") { Description = "Keep following the folders for added, changed and deleted files." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log each step (to standard error)." };
        var command = new Command("index", "Index the videos in folders: new, changed, moved and deleted files are brought up to date.");
        command.Arguments.Add(folders);
        command.Options.Add(database);
        command.Options.Add(model);
        command.Options.Add(watch);
        command.Options.Add(verbose);
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() => RunAsync(parse.GetValue(folders)!,
            parse.GetValue(database)!.FullName, parse.GetValue(model)!, parse.GetValue(watch), parse.GetValue(verbose), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo[] folders, string database, string model, bool watch, bool verbose,
        CancellationToken cancellationToken)
    {
        foreach (DirectoryInfo folder in folders.Where(f => !f.Exists))
        {
            Console.Error.WriteLine($"Media folder not found: {folder.FullName}");
            return ExitCodes.NotFound;
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        // This command reports the worker's failure itself, once, with an exit code.
        builder.Logging.AddFilter(typeof(IndexerWorker).FullName, LogLevel.None);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(10);
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore;
        });
        builder.Services.AddSingleton<IProgress<DownloadProgress>>(ConsoleDownloadProgress.ForStandardError());
        builder.Services.AddVideoSearchIndexer(o =>
        {
            o.Roots = folders.Select(f => f.FullName).ToList();
            o.DatabaseDirectory = database;
            o.Model = model;
            o.Watch = watch;
        });
        using IHost host = builder.Build();
        var progress = host.Services.GetRequiredService<IndexingProgress>();
        var worker = host.Services.GetRequiredService<IndexerWorker>();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, e.Failures));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            return ShutdownSignals.StoppedExitCode();
        }
        int exit = ExitCodes.Ok;
        await using (new ConsoleProgressDisplay(progress, Console.Error, interactive: !Console.IsErrorRedirected))
        {
            try
            {
                // Ctrl+C reaches the host's console lifetime (which asks the application to stop) or this command's token.
                var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
                await worker.ExecuteTask!.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                exit = ShutdownSignals.StoppedExitCode();
            }
            if (worker.Failure is { } failure)
            {
                Console.Error.WriteLine($"error: indexing failed: {failure.Message}");
                if (Environment.GetEnvironmentVariable("VIDEOSEARCH_DEBUG") == "1") Console.Error.WriteLine(failure);
                exit = failure switch
                {
                    ModelReferenceException => ExitCodes.Usage,
                    HubException or FileNotFoundException or DirectoryNotFoundException => ExitCodes.NotFound,
                    _ => ExitCodes.Failed,
                };
            }
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stopping.Token);
        }
        if (progress.LastPass is { } summary) IndexSummaryWriter.Write(Console.Out, summary);
        if (exit is ExitCodes.Interrupted or ExitCodes.Terminated) Console.Error.WriteLine("Stopped; the next run continues where this one stopped.");
        return exit;
    }
}
