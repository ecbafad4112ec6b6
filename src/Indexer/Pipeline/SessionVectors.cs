using VideoSearch.Core.Library;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// The vector index as indexing sees it. With the embedded SQLite catalog it is the process's own index, updated as
/// each video is stored (and shared with search in <c>serve</c>). With a shared catalog it is nothing: search nodes
/// follow the catalog's change sequence into their own indexes, so an indexer keeps none (and many indexers on one
/// machine need no index file, nor a library folder, each).
/// </summary>
internal sealed class SessionVectors(LibraryVectorIndex? index)
{
    /// <summary>The process's index, or null when the catalog is shared.</summary>
    public LibraryVectorIndex? Index { get; } = index;

    public void Apply(IReadOnlyList<long> removed, IReadOnlyList<(long Id, float[] Vector)> added) => Index?.Apply(removed, added);

    public void Save() => Index?.Save();

    public void SaveIfDue(TimeSpan interval) => Index?.SaveIfDue(interval);
}
