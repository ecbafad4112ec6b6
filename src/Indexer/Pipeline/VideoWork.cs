using VideoSearch.Core.Catalog;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>One video the pipeline is to index: already recorded as pending in the catalog.</summary>
/// <param name="Id">The catalog video id.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="Root">The library root it lies under (reads must stay inside it).</param>
/// <param name="Identity">The file identity recorded for it (stored with a failure, so it is not retried unchanged).</param>
internal sealed record VideoWork(VideoId Id, string Path, string Root, FileIdentity Identity);
