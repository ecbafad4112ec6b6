using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Scanning;

namespace VideoSearch.Indexer.Diff;

/// <summary>
/// Compares scans with the catalog. Size and modification time decide "unchanged" cheaply; when they differ the
/// content fingerprint decides (a touched but identical file is unchanged). A catalog video missing from the scan
/// whose fingerprint (and size) turns up at a new path was moved: its clips are kept. An unchanged video that
/// failed is pending work again when the failure was the machine's and <c>retry</c> says so (see
/// <see cref="EnvironmentRetry"/>); a failure of the file waits for a change.
/// </summary>
internal static class LibraryDiff
{
    /// <summary>A link target's identity: never read through, so a changed target path is its only change.</summary>
    public static FileIdentity RejectedIdentity(RejectedFile file) =>
        new(0, file.File.ModifiedUnixNs, "link:" + (new FileInfo(file.File.FullPath).LinkTarget ?? ""));

    /// <summary>Computes the changes of the scanned roots against <paramref name="known"/> (the catalog videos under them).</summary>
    /// <param name="scans">The scanned roots.</param>
    /// <param name="known">The catalog's videos under them.</param>
    /// <param name="identify">Reads a file's identity (size, time, content fingerprint).</param>
    /// <param name="retry">Whether an unchanged, failed video is tried again in this pass.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    public static async Task<LibraryChanges> ComputeAsync(IReadOnlyList<ScanResult> scans, IReadOnlyList<VideoFileState> known,
        Func<string, CancellationToken, Task<FileIdentity>> identify, Func<VideoFileState, bool> retry,
        CancellationToken cancellationToken)
    {
        var changes = new LibraryChanges();
        var byPath = known.ToDictionary(v => v.Path, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<ScannedFile>();
        foreach (ScanResult scan in scans)
        {
            foreach (ScannedFile file in scan.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!byPath.TryGetValue(file.FullPath, out VideoFileState? video))
                {
                    fresh.Add(file);
                    continue;
                }
                seen.Add(file.FullPath);
                if (file.Size == video.File.Size && file.ModifiedUnixNs == video.File.ModifiedUnixNs)
                {
                    Classify(changes, video, file, retry);
                    continue;
                }
                FileIdentity identity = await identify(file.FullPath, cancellationToken).ConfigureAwait(false);
                if (identity.Size == video.File.Size && identity.Fingerprint == video.File.Fingerprint)
                    Classify(changes, video, file, retry);
                else
                    changes.Changed.Add((video, file, identity));
            }
            foreach (RejectedFile rejected in scan.Rejected)
            {
                FileIdentity identity = RejectedIdentity(rejected);
                byPath.TryGetValue(rejected.File.FullPath, out VideoFileState? video);
                if (video != null) seen.Add(video.Path);
                if (video is { Status: VideoStatus.Failed } && video.File == identity) changes.FailedUnchanged.Add(video);
                else changes.Rejected.Add((rejected, identity, video));
            }
        }
        var missing = known.Where(v => !seen.Contains(v.Path)).ToList();
        foreach (ScannedFile file in fresh)
        {
            FileIdentity identity = await identify(file.FullPath, cancellationToken).ConfigureAwait(false);
            int match = missing.FindIndex(v => v.File.Fingerprint == identity.Fingerprint && v.File.Size == identity.Size);
            if (match < 0)
            {
                changes.New.Add((file, identity));
                continue;
            }
            VideoFileState moved = missing[match];
            missing.RemoveAt(match);
            changes.Moved.Add((moved, file));
            if (moved.Status == VideoStatus.Pending) changes.Unfinished.Add((moved, file));
            else if (moved.Status == VideoStatus.Failed && retry(moved with { Path = file.FullPath })) changes.Retry.Add((moved, file));
        }
        changes.Deleted.AddRange(missing);
        return changes;
    }

    private static void Classify(LibraryChanges changes, VideoFileState video, ScannedFile file, Func<VideoFileState, bool> retry)
    {
        switch (video.Status)
        {
            case VideoStatus.Indexed: changes.Unchanged.Add(video); break;
            case VideoStatus.Failed when FailureKinds.CauseOf(video.ErrorKind) == FailureCause.File:
                changes.FailedUnchanged.Add(video);
                break;
            case VideoStatus.Failed when retry(video): changes.Retry.Add((video, file)); break;
            case VideoStatus.Failed: changes.EnvironmentWaiting.Add(video); break;
            default: changes.Unfinished.Add((video, file)); break;
        }
    }
}
