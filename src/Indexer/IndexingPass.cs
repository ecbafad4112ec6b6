using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Media;
using VideoSearch.Indexer.Diff;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Pipeline;
using VideoSearch.Indexer.Progress;
using VideoSearch.Indexer.Scanning;

namespace VideoSearch.Indexer;

/// <summary>
/// One pass over the roots: scan, compare with the catalog, apply moves and deletions, record rejected files,
/// mark new and changed files pending, then run the pipeline over everything pending. A pass interrupted at any
/// point leaves a catalog the next pass continues from.
/// </summary>
internal sealed class IndexingPass(IndexerSession session, IndexerOptions options, IndexingProgress progress,
    StageTimings timings, ILogger logger)
{
    /// <summary>Runs the pass and returns its summary (also published on <see cref="IndexingProgress.LastPass"/>).</summary>
    public async Task<IndexingSummary> RunAsync(CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        long embeddedBefore = session.Encoder.ClipsEmbedded;
        progress.SetState(IndexingState.Scanning);
        var scanner = new LibraryScanner(options.Extensions);
        var rootIds = new Dictionary<string, RootId>(StringComparer.Ordinal);
        var scans = new List<ScanResult>();
        var known = new List<VideoFileState>();
        foreach (string root in options.Roots)
        {
            ScanResult scan = await Task.Run(() => scanner.Scan(root, cancellationToken), cancellationToken).ConfigureAwait(false);
            RootId id = await session.Catalog.Roots.AddAsync(scan.Root, cancellationToken).ConfigureAwait(false);
            if (!rootIds.TryAdd(scan.Root, id)) continue; // the same root named twice
            scans.Add(scan);
            known.AddRange(await session.Catalog.Videos.ListUnderRootAsync(id, cancellationToken).ConfigureAwait(false));
        }
        LibraryChanges changes = await LibraryDiff.ComputeAsync(scans, known, IdentifyAsync, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Scan: {NewCount} new, {ChangedCount} changed, {MovedCount} moved, {DeletedCount} deleted, {UnfinishedCount} unfinished, {UnchangedCount} unchanged, {FailedCount} failed before",
            changes.New.Count, changes.Changed.Count, changes.Moved.Count, changes.Deleted.Count, changes.Unfinished.Count,
            changes.Unchanged.Count, changes.FailedUnchanged.Count);

        IReadOnlyList<IndexingError> previous = await PreviousErrorsAsync(changes, cancellationToken).ConfigureAwait(false);
        await ApplyRemovalsAndMovesAsync(changes, rootIds, cancellationToken).ConfigureAwait(false);
        List<VideoWork> work = await BeginWorkAsync(changes, rootIds, cancellationToken).ConfigureAwait(false);
        progress.BeginPass(work.Count + changes.Rejected.Count, previous);
        await RecordRejectedAsync(changes, rootIds, cancellationToken).ConfigureAwait(false);
        try
        {
            await BuildPipeline().RunAsync(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            session.Vectors.Save();
        }
        var summary = new IndexingSummary(progress.FilesIndexed, progress.PassErrors, previous, changes.Unchanged.Count,
            changes.Moved.Count, changes.Deleted.Count, progress.Clips, session.Encoder.ClipsEmbedded - embeddedBefore,
            progress.VideoSeconds, Stopwatch.GetElapsedTime(start));
        progress.EndPass(summary);
        return summary;
    }

    private IndexingPipeline BuildPipeline()
    {
        double window = options.WindowSeconds ?? ClipPlanOptions.DefaultWindowSeconds;
        double stride = options.StrideSeconds ?? Math.Min(ClipPlanOptions.DefaultStrideSeconds, window);
        var plan = new ClipPlanOptions(window, stride, session.Encoder.NumFrames);
        var source = new ClipSource(new MediaProbe(), new FrameExtractor(), session.Encoder, plan, timings, logger);
        var batcher = new ClipBatcher(session.Encoder, options.BatchSize, timings);
        var writer = new VideoWriter(session.Catalog, session.Vectors, progress, timings, options.IndexSaveInterval, logger);
        return new IndexingPipeline(source, batcher, writer, options.ExtractionConcurrency, options.BatchSize);
    }

    private async Task<IReadOnlyList<IndexingError>> PreviousErrorsAsync(LibraryChanges changes, CancellationToken cancellationToken)
    {
        if (changes.FailedUnchanged.Count == 0) return [];
        var ids = changes.FailedUnchanged.Select(v => v.Id).ToHashSet();
        LibraryStats stats = await session.Catalog.Stats.GetAsync(cancellationToken).ConfigureAwait(false);
        return stats.Failures.Where(f => ids.Contains(f.Id)).Select(f => new IndexingError(f.Path, f.ErrorKind, f.ErrorText)).ToList();
    }

    private async Task ApplyRemovalsAndMovesAsync(LibraryChanges changes, Dictionary<string, RootId> roots,
        CancellationToken cancellationToken)
    {
        foreach (VideoFileState gone in changes.Deleted)
        {
            IReadOnlyList<long> removed = await session.Catalog.Videos.RemoveVideoAsync(gone.Id, cancellationToken).ConfigureAwait(false);
            session.Vectors.Apply(removed, []);
            logger.LogInformation("Removed {VideoPath} ({ClipCount} clips): the file is gone", gone.Path, removed.Count);
        }
        foreach ((VideoFileState video, ScannedFile file) in changes.Moved)
        {
            await session.Catalog.Videos.MoveVideoAsync(video.Id, roots[file.Root], file.RelativePath, cancellationToken)
                .ConfigureAwait(false);
            logger.LogInformation("Moved {OldPath} to {VideoPath}", video.Path, file.FullPath);
        }
    }

    private async Task<List<VideoWork>> BeginWorkAsync(LibraryChanges changes, Dictionary<string, RootId> roots,
        CancellationToken cancellationToken)
    {
        var work = new List<VideoWork>();
        var fresh = changes.New.Select(n => (n.File, n.Identity)).Concat(changes.Changed.Select(c => (c.File, c.Identity)));
        foreach ((ScannedFile file, FileIdentity identity) in fresh)
        {
            VideoId id = await session.Catalog.Videos.BeginVideoAsync(roots[file.Root], file.RelativePath, identity, cancellationToken)
                .ConfigureAwait(false);
            work.Add(new VideoWork(id, file.FullPath, file.Root, identity));
        }
        foreach ((VideoFileState video, ScannedFile file) in changes.Unfinished)
            work.Add(new VideoWork(video.Id, file.FullPath, file.Root, video.File));
        work.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return work;
    }

    private async Task RecordRejectedAsync(LibraryChanges changes, Dictionary<string, RootId> roots, CancellationToken cancellationToken)
    {
        foreach ((RejectedFile rejected, FileIdentity identity, VideoFileState? video) in changes.Rejected)
        {
            VideoId id = video?.Id ?? await session.Catalog.Videos.BeginVideoAsync(roots[rejected.File.Root],
                rejected.File.RelativePath, identity, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<long> removed = await session.Catalog.Videos.FailVideoAsync(id, rejected.Kind, rejected.Message, identity,
                cancellationToken).ConfigureAwait(false);
            session.Vectors.Apply(removed, []);
            progress.FileFailed(new IndexingError(rejected.File.FullPath, rejected.Kind, rejected.Message));
        }
    }

    /// <summary>A file that cannot even be fingerprinted gets an identity that marks it so; probing then records why.</summary>
    private static async Task<FileIdentity> IdentifyAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await FileIdentity.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var info = new FileInfo(path);
            return new FileIdentity(info.Exists ? info.Length : 0, info.Exists ? FileIdentity.ToUnixNs(info.LastWriteTimeUtc) : 0,
                "unreadable");
        }
    }
}
