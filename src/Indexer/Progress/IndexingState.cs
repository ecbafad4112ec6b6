namespace VideoSearch.Indexer.Progress;

/// <summary>What the indexer is doing now.</summary>
public enum IndexingState
{
    /// <summary>Not started yet.</summary>
    Idle,
    /// <summary>Walking the media folders.</summary>
    Scanning,
    /// <summary>Probing, sampling and embedding videos.</summary>
    Indexing,
    /// <summary>Done; following the folders for changes.</summary>
    Watching,
    /// <summary>Done.</summary>
    Completed,
    /// <summary>Stopped by a fatal error (see the status message).</summary>
    Faulted,
}
