using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Media;
using VideoSearch.Core.Native;
using VideoSearch.Indexer.Diff;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Pipeline;
using VideoSearch.Indexer.Progress;
using VideoSearch.Indexer.Scanning;

namespace VideoSearch.Indexer;

/// <summary>
/// One pass over the roots: scan, compare with the catalog, apply moves and deletions, record rejected files,
/// mark new and changed files (and the machine's failures to retry) pending, then run the pipeline over everything
/// pending. A pass interrupted at any point leaves a catalog the next pass continues from.
/// </summary>
/// <remarks>
/// The environment is checked before files are tried, so that a missing tool or a full disk is one clear error
/// rather than a failure recorded against every file. Without ffmpeg a single run (<c>index</c>) stops at once with
/// <see cref="MediaToolsMissingException"/>, while a watching one (<c>serve</c>) scans, leaves the work pending and
/// waits, saying so once, for a pass that finds the tools. A library that cannot be written stops a single run with
/// <see cref="LibraryUnwritableException"/>; a watching one logs it and tries again at its next pass. One instance
/// serves every pass over one opened library, so it knows which pass is the first (see <see cref="EnvironmentRetry"/>).
/// </remarks>
internal sealed class IndexingPass(IndexerSession session, IndexerOptions options, IndexingProgress progress,
    StageTimings timings, ILogger logger)
{
    private readonly MediaToolCheck _tools = new();

    /// <summary>The split of the cores the last pipeline ran with (see <see cref="ThreadBudget"/>).</summary>
    private ThreadBudget Threads { get; set; } = ThreadBudget.For(Environment.ProcessorCount);
    private bool _ranToEnd;
    private bool _waitingForTools;

    /// <summary>Runs the pass and returns its summary (also published on <see cref="IndexingProgress.LastPass"/>).</summary>
    /// <exception cref="MediaToolsMissingException">Not watching, and ffmpeg or ffprobe cannot be run.</exception>
    /// <exception cref="LibraryUnwritableException">Not watching, and the catalog or the vector index cannot be written.</exception>
    public async Task<IndexingSummary> RunAsync(CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        long embeddedBefore = session.Encoder.ClipsEmbedded;
        IReadOnlyList<string> toolProblems = await _tools.FindProblemsAsync(cancellationToken).ConfigureAwait(false);
        if (toolProblems.Count > 0 && !options.Watch) throw new MediaToolsMissingException(toolProblems);
        string? toolsMissing = toolProblems.Count > 0 ? new MediaToolsMissingException(toolProblems).Message : null;
        ReportTools(toolsMissing);

        progress.SetState(IndexingState.Scanning);
        try
        {
            LibraryChanges changes;
            Dictionary<string, RootId> rootIds;
            IReadOnlyList<IndexingError> previous;
            List<VideoWork> work;
            // One process at a time scans and records the differences (with a shared catalog; SQLite has one writer
            // anyway). The work itself is then claimed video by video, side by side with the other indexers.
            await using (await session.Catalog.Database.LockScanAsync(cancellationToken).ConfigureAwait(false))
            {
                var scanner = new LibraryScanner(options.Extensions);
                var scans = new List<ScanResult>();
                foreach (string root in options.Roots)
                    scans.Add(await Task.Run(() => scanner.Scan(root, cancellationToken), cancellationToken).ConfigureAwait(false));
                var retry = new EnvironmentRetry(firstPass: !_ranToEnd, toolsFound: toolsMissing is null);
                (changes, rootIds) = await CompareAsync(scans, retry, cancellationToken).ConfigureAwait(false);
                previous = await PreviousErrorsAsync(changes, cancellationToken).ConfigureAwait(false);
                await ApplyRemovalsAndMovesAsync(changes, rootIds, cancellationToken).ConfigureAwait(false);
                work = await BeginWorkAsync(changes, rootIds, cancellationToken).ConfigureAwait(false);
                progress.BeginPass((toolsMissing is null ? work.Count : 0) + changes.Rejected.Count, previous);
                await RecordRejectedAsync(changes, rootIds, cancellationToken).ConfigureAwait(false);
            }
            if (toolsMissing is null) await RunPipelineAsync(rootIds, cancellationToken).ConfigureAwait(false);
            else session.Vectors.Save();
            _ranToEnd = toolsMissing is null;
            progress.SetEnvironmentProblem(toolsMissing);
            return Publish(Summarize(start, embeddedBefore, changes, previous) with
            {
                Retried = changes.Retry.Count,
                Waiting = toolsMissing is null ? 0 : work.Count,
                EnvironmentProblem = toolsMissing,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException && StorageFailures.IsUnwritable(e))
        {
            LibraryUnwritableException unwritable =
                StorageFailures.Unwritable(options.DatabaseDirectory, e, session.Catalog.Database.IsShared);
            if (!options.Watch) throw unwritable;
            // Watching: nothing was recorded against the videos, so a later pass (a change, or the periodic rescan)
            // finds them pending and tries again; until then search goes on over what is stored.
            logger.LogError("Indexing paused until the next pass (a change in the media folders, or the periodic rescan): {Reason}",
                unwritable.Message);
            progress.SetEnvironmentProblem(unwritable.Message);
            int pending = await CountPendingAsync(cancellationToken).ConfigureAwait(false);
            return Publish(Summarize(start, embeddedBefore, new LibraryChanges(), progress.PreviousErrors) with
            {
                Waiting = pending,
                EnvironmentProblem = unwritable.Message,
            });
        }
    }

    /// <summary>Logs that indexing waits for ffmpeg, and that it found it, once each, not at every pass.</summary>
    private void ReportTools(string? toolsMissing)
    {
        if (toolsMissing != null && !_waitingForTools)
            logger.LogWarning("Indexing waits for ffmpeg; videos stay pending until a pass finds it: {Reason}", toolsMissing);
        else if (toolsMissing is null && _waitingForTools)
            logger.LogInformation("ffmpeg and ffprobe found: indexing the videos that waited for them");
        _waitingForTools = toolsMissing != null;
    }

    private async Task<(LibraryChanges, Dictionary<string, RootId>)> CompareAsync(List<ScanResult> scanned, EnvironmentRetry retry,
        CancellationToken cancellationToken)
    {
        var rootIds = new Dictionary<string, RootId>(StringComparer.Ordinal);
        var scans = new List<ScanResult>();
        var known = new List<VideoFileState>();
        foreach (ScanResult scan in scanned)
        {
            RootId id = await session.Catalog.Roots.AddAsync(scan.Root, options.RootNames.GetValueOrDefault(scan.Root), cancellationToken)
                .ConfigureAwait(false);
            if (!rootIds.TryAdd(scan.Root, id)) continue; // the same root named twice
            scans.Add(scan);
            known.AddRange(await session.Catalog.Videos.ListUnderRootAsync(id, cancellationToken).ConfigureAwait(false));
        }
        LibraryChanges changes = await LibraryDiff.ComputeAsync(scans, known, IdentifyAsync, retry.ShouldRetry, cancellationToken)
            .ConfigureAwait(false);
        logger.LogInformation(
            "Scan: {NewCount} new, {ChangedCount} changed, {MovedCount} moved, {DeletedCount} deleted, {UnfinishedCount} unfinished, {UnchangedCount} unchanged, {FailedCount} failed before (file problems), {RetryCount} to retry (environment), {WaitingCount} waiting for the environment",
            changes.New.Count, changes.Changed.Count, changes.Moved.Count, changes.Deleted.Count, changes.Unfinished.Count,
            changes.Unchanged.Count, changes.FailedUnchanged.Count, changes.Retry.Count, changes.EnvironmentWaiting.Count);
        return (changes, rootIds);
    }

    /// <summary>
    /// Runs the pipeline and saves the index file, also when the pipeline fails; but when the disk that refused
    /// the catalog refuses the index file too, the first failure is the one reported (the next start rebuilds the
    /// index from the catalog).
    /// </summary>
    private async Task RunPipelineAsync(Dictionary<string, RootId> rootIds, CancellationToken cancellationToken)
    {
        var roots = new Dictionary<RootId, string>();
        foreach ((string path, RootId id) in rootIds) roots.TryAdd(id, path);
        try
        {
            await using var leases = new LeaseKeeper(session.Catalog.Claims, options.LeaseDuration, logger);
            await BuildPipeline().RunAsync(ClaimedWork.ClaimAsync(session.Catalog.Claims, roots, options.LeaseDuration,
                options.ClaimPollInterval, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailures.IsUnwritable(e) && e is not OperationCanceledException)
        {
            try
            {
                session.Vectors.Save();
            }
            catch (Exception saveFailure) when (StorageFailures.IsUnwritable(saveFailure))
            {
                logger.LogWarning("The vector index was not saved either: {Reason}", saveFailure.Message);
            }
            throw;
        }
        catch
        {
            session.Vectors.Save();
            throw;
        }
        session.Vectors.Save();
    }

    private IndexingSummary Summarize(long start, long embeddedBefore, LibraryChanges changes, IReadOnlyList<IndexingError> previous) =>
        new(progress.FilesIndexed, progress.PassErrors, previous, changes.Unchanged.Count, changes.Moved.Count,
            changes.Deleted.Count, progress.Clips, session.Encoder.ClipsEmbedded - embeddedBefore, progress.VideoSeconds,
            Stopwatch.GetElapsedTime(start))
        {
            Precision = PrecisionChoice.NameOf(session.Encoder.Precision),
            Threads = Threads,
        };

    private IndexingSummary Publish(IndexingSummary summary)
    {
        progress.EndPass(summary);
        return summary;
    }

    private IndexingPipeline BuildPipeline()
    {
        double window = options.WindowSeconds ?? ClipPlanOptions.DefaultWindowSeconds;
        double stride = options.StrideSeconds ?? Math.Min(ClipPlanOptions.DefaultStrideSeconds, window);
        var plan = new ClipPlanOptions(window, stride, session.Encoder.NumFrames);
        Threads = ThreadBudget.For(Environment.ProcessorCount, options.TorchThreads, options.DecodeThreads);
        TorchThreads.Use(Threads.TorchThreads);
        var extractor = new FrameExtractor(MediaToolOptions.Default with { DecodeThreads = Threads.DecodeThreads }, options.FrameExtraction);
        var source = new ClipSource(new MediaProbe(), extractor, session.Encoder, plan, timings, logger);
        var batcher = new ClipBatcher(session.Encoder, options.BatchSize, timings);
        var writer = new VideoWriter(session.Catalog, session.Vectors, session.Encoder.Precision, progress, timings, options.IndexSaveInterval, logger);
        return new IndexingPipeline(source, batcher, writer, options.ExtractionConcurrency, options.BatchSize);
    }

    private async Task<IReadOnlyList<IndexingError>> PreviousErrorsAsync(LibraryChanges changes, CancellationToken cancellationToken)
    {
        if (changes.FailedUnchanged.Count == 0 && changes.EnvironmentWaiting.Count == 0) return [];
        var ids = changes.FailedUnchanged.Concat(changes.EnvironmentWaiting).Select(v => v.Id).ToHashSet();
        LibraryStats stats = await session.Catalog.Stats.GetAsync(cancellationToken).ConfigureAwait(false);
        return stats.Failures.Where(f => ids.Contains(f.Id)).Select(f => new IndexingError(f.Path, f.ErrorKind, f.ErrorText)).ToList();
    }

    private async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await session.Catalog.Stats.GetAsync(cancellationToken).ConfigureAwait(false)).PendingVideos;
        }
        catch (Exception e) when (StorageFailures.IsUnwritable(e))
        {
            return 0; // even reading fails; the error just logged says why
        }
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

    /// <summary>
    /// Records new and changed files, and the machine's failures tried again, as pending (a retried file is
    /// identified afresh: a file that could not be read when it failed has no real fingerprint yet).
    /// </summary>
    private async Task<List<VideoWork>> BeginWorkAsync(LibraryChanges changes, Dictionary<string, RootId> roots,
        CancellationToken cancellationToken)
    {
        var work = new List<VideoWork>();
        var fresh = changes.New.Select(n => (n.File, n.Identity)).Concat(changes.Changed.Select(c => (c.File, c.Identity))).ToList();
        foreach ((VideoFileState _, ScannedFile file) in changes.Retry)
            fresh.Add((file, await IdentifyAsync(file.FullPath, cancellationToken).ConfigureAwait(false)));
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
                FailureKinds.Unreadable);
        }
    }
}
