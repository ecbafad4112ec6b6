using System.CommandLine;
using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Verification;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch verify [--db &lt;dir&gt;]</c>: checks that catalog, vectors, index and thumbnails agree.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var command = new Command("verify", "Check that the catalog, the vectors, the vector index and the thumbnails agree.");
        command.Options.Add(database);
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            string directory = parse.GetValue(database)!.FullName;
            if (!File.Exists(Path.Combine(directory, CatalogDatabase.FileName)))
            {
                Console.Error.WriteLine($"No library in {directory} ({CatalogDatabase.FileName} not found).");
                return ExitCodes.NotFound;
            }
            VerificationReport report = await LibraryVerifier.VerifyAsync(directory, cancellationToken);
            foreach (string problem in report.Problems) Console.Out.WriteLine(problem);
            Console.Out.WriteLine(report.IsConsistent
                ? $"OK: {report.IndexedVideos} indexed videos, {report.Clips} clips; catalog, vectors, index and thumbnails agree."
                : $"FAILED: {report.Problems.Count} problems ({report.IndexedVideos} indexed videos, {report.Clips} clips).");
            return report.IsConsistent ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }
}
