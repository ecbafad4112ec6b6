namespace VideoSearch.Indexer.Scanning;

/// <summary>What a scan of one root found.</summary>
/// <param name="Root">The root folder (full path).</param>
/// <param name="Files">Video files to index, by relative path.</param>
/// <param name="Rejected">Video files that must not be read, with the reason.</param>
internal sealed record ScanResult(string Root, IReadOnlyList<ScannedFile> Files, IReadOnlyList<RejectedFile> Rejected);
