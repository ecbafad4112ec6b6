using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Scanning;

namespace VideoSearch.Indexer.Diff;

/// <summary>What a scan found compared with the catalog.</summary>
internal sealed record LibraryChanges
{
    /// <summary>Files the catalog does not know, with their identity.</summary>
    public List<(ScannedFile File, FileIdentity Identity)> New { get; } = [];

    /// <summary>Known files whose content changed.</summary>
    public List<(VideoFileState Video, ScannedFile File, FileIdentity Identity)> Changed { get; } = [];

    /// <summary>Known videos found under a new path (same content); their clips are kept.</summary>
    public List<(VideoFileState Video, ScannedFile File)> Moved { get; } = [];

    /// <summary>Known videos whose file is gone.</summary>
    public List<VideoFileState> Deleted { get; } = [];

    /// <summary>Known, unchanged videos whose indexing never finished (interrupted or awaiting re-embedding).</summary>
    public List<(VideoFileState Video, ScannedFile File)> Unfinished { get; } = [];

    /// <summary>Known videos indexed and unchanged: nothing to do.</summary>
    public List<VideoFileState> Unchanged { get; } = [];

    /// <summary>Videos that failed before for a problem of the file and did not change since: not retried.</summary>
    public List<VideoFileState> FailedUnchanged { get; } = [];

    /// <summary>
    /// Unchanged videos that failed before for the machine's fault, tried again in this pass (see
    /// <see cref="EnvironmentRetry"/>).
    /// </summary>
    public List<(VideoFileState Video, ScannedFile File)> Retry { get; } = [];

    /// <summary>Unchanged videos that failed for the machine's fault whose cause is not seen to be gone yet.</summary>
    public List<VideoFileState> EnvironmentWaiting { get; } = [];

    /// <summary>Rejected files (links out of the root) not yet recorded as failed with this identity.</summary>
    public List<(RejectedFile File, FileIdentity Identity, VideoFileState? Video)> Rejected { get; } = [];

    /// <summary>True when nothing needs doing.</summary>
    public bool IsEmpty => New.Count == 0 && Changed.Count == 0 && Moved.Count == 0 && Deleted.Count == 0
                           && Unfinished.Count == 0 && Rejected.Count == 0 && Retry.Count == 0;
}
