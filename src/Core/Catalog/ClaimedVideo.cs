namespace VideoSearch.Core.Catalog;

/// <summary>A pending video this process now holds the lease of: where it is under its root, and the file it was recorded as.</summary>
public sealed record ClaimedVideo(VideoId Id, RootId RootId, string RelativePath, FileIdentity File);
