using VideoSearch.Indexer.Progress;

namespace VideoSearch.Web.Tests.Support;

/// <summary>Stands in for the indexer: a progress snapshot the test sets.</summary>
internal sealed class FakeIndexingProgress(IndexingStatus initial) : IIndexingProgress
{
    public IndexingStatus Current { get; set; } = initial;
}
