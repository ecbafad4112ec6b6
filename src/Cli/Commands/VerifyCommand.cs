using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoSearch.Cli.Hosting;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Indexer.Verification;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch verify [--db &lt;dir&gt;]</c>: checks that catalog, vectors, index and thumbnails agree.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var catalogOption = CommonOptions.Catalog();
        var roots = CommonOptions.Roots();
        var command = SettingOverrides.Allow(new Command("verify",
            "Check that the catalog, the vectors, the vector index and the thumbnails agree."));
        command.Options.Add(database);
        command.Options.Add(catalogOption);
        command.Options.Add(roots);
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            string directory = parse.GetValue(database)!.FullName;
            string? shared = parse.GetValue(catalogOption);
            if (shared is null && !File.Exists(Path.Combine(directory, SqliteCatalogDatabase.FileName)))
                throw new LibraryNotFoundException(directory, $"No library in {directory} ({SqliteCatalogDatabase.FileName} not found).");
            using VideoCatalog catalog = await VideoCatalog.OpenAsync(directory, shared, cancellationToken);
            await LibraryFolder.RegisterAsync(CommonOptions.RootsOf(parse, roots), catalog, mapOnly: true, cancellationToken);
            var builder = CliHost.CreateBuilder(SettingOverrides.Of(parse), LogFormat.Plain, LogLevel.Warning);
            builder.Services.AddVideoSearchLibrary(catalog);
            using IHost host = builder.Build();
            await host.StartAsync(cancellationToken);
            VerificationReport report = await LibraryVerifier.VerifyAsync(host.Services.GetRequiredService<VideoCatalog>(), cancellationToken);
            foreach (string problem in report.Problems) Console.Out.WriteLine(problem);
            foreach (string note in report.Notes ?? []) Console.Out.WriteLine("note: " + note);
            Console.Out.WriteLine(report.IsConsistent
                ? $"OK: {report.IndexedVideos} indexed videos, {report.Clips} clips; catalog, vectors, index and thumbnails agree."
                : $"FAILED: {report.Problems.Count} problems ({report.IndexedVideos} indexed videos, {report.Clips} clips).");
            await host.StopAsync(CancellationToken.None);
            return report.IsConsistent ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }
}
