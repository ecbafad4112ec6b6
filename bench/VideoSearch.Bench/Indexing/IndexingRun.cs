using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Indexer;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Pipeline;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Bench.Indexing;

/// <summary>One real indexing pass (what <c>videosearch index</c> runs once the model is loaded) of one file into a fresh library.</summary>
internal static class IndexingRun
{
    /// <summary>The pass's summary, stage times and the process CPU it used (ffmpeg children not included).</summary>
    public sealed record Result(IndexingSummary Summary, StageTimings Timings, TimeSpan ProcessCpu)
    {
        /// <summary>Seconds of video per wall second.</summary>
        public double Rate => Summary.VideoSecondsPerSecond;
    }

    /// <summary>Indexes <paramref name="video"/> with <paramref name="encoder"/> and the settings <paramref name="configure"/> sets.</summary>
    public static async Task<Result> RunAsync(string video, ClipEncoder encoder, Action<IndexerOptions> configure, CancellationToken token)
    {
        string work = Path.Combine(Path.GetTempPath(), "vs-bench-indexing-" + Guid.NewGuid().ToString("N"));
        string root = Path.Combine(work, "media");
        Directory.CreateDirectory(root);
        File.Copy(video, Path.Combine(root, Path.GetFileName(video)));
        try
        {
            var options = new IndexerOptions { Roots = [root], DatabaseDirectory = Path.Combine(work, "db") };
            configure(options);
            var timings = new StageTimings();
            using var catalog = await VideoCatalog.OpenAsync(options.DatabaseDirectory, token);
            using var vectors = new LibraryVectorIndex(catalog, NullLogger<LibraryVectorIndex>.Instance) { Writable = true };
            using var session = await IndexerSession.OpenAsync(catalog, vectors, encoder, NullLogger.Instance, token);
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            IndexingSummary summary = await new IndexingPass(session, options, new IndexingProgress(), timings, NullLogger.Instance)
                .RunAsync(token);
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (summary.Indexed != 1)
                throw new InvalidOperationException($"{Path.GetFileName(video)} was not indexed: {string.Join("; ", summary.Failed.Select(f => f.Message))}");
            return new Result(summary, timings, cpu);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
