namespace VideoSearch.Indexer.Scanning;

/// <summary>A video file found under a root.</summary>
/// <param name="Root">The root folder (full path) it was found under.</param>
/// <param name="RelativePath">Its path relative to the root, as found (through links inside the root).</param>
/// <param name="FullPath">Root joined with the relative path.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ModifiedUnixNs">Last write time, nanoseconds since the Unix epoch.</param>
internal sealed record ScannedFile(string Root, string RelativePath, string FullPath, long Size, long ModifiedUnixNs);
