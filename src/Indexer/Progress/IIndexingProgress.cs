namespace VideoSearch.Indexer.Progress;

/// <summary>Read side of the indexer's progress, shared with the console display and the web page.</summary>
public interface IIndexingProgress
{
    /// <summary>A consistent snapshot of the current progress.</summary>
    IndexingStatus Current { get; }
}
