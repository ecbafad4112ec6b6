using VideoSearch.Indexer.Progress;

namespace VideoSearch.Cli.Commands;

/// <summary>Prints the final summary of an index run.</summary>
internal static class IndexSummaryWriter
{
    public static void Write(TextWriter writer, IndexingSummary summary)
    {
        writer.WriteLine(
            $"Indexed {summary.Indexed} videos: {summary.Clips} clips, {summary.VideoSeconds:F1} s of video in " +
            $"{summary.Elapsed.TotalSeconds:F1} s ({summary.VideoSecondsPerSecond:F2} video-s/s, {summary.ClipsEmbedded} clips embedded, {summary.Precision}" +
            (summary.Threads is { } threads ? $", {threads}" : "") + ").");
        writer.WriteLine($"Unchanged {summary.Unchanged}, moved {summary.Moved}, removed {summary.Removed}, failed {summary.Failed.Count}.");
        WriteErrors(writer, "Failed", summary.Failed);
        WriteErrors(writer, "Failed before and unchanged (not retried)", summary.PreviouslyFailed);
    }

    private static void WriteErrors(TextWriter writer, string title, IReadOnlyList<IndexingError> errors)
    {
        if (errors.Count == 0) return;
        writer.WriteLine($"{title}:");
        foreach (IndexingError error in errors.OrderBy(e => e.Path, StringComparer.Ordinal))
            writer.WriteLine($"  {error.Path}: {error.Kind}: {error.Message}");
    }
}
