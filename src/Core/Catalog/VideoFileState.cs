namespace VideoSearch.Core.Catalog;

/// <summary>The part of a video row the indexer compares with the file system to decide what is left to do.</summary>
/// <param name="Id">The video's id.</param>
/// <param name="RootId">The library root it lies under.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="File">Size, modification time and fingerprint recorded for it.</param>
/// <param name="Status">Where it stands in indexing.</param>
/// <param name="ErrorKind">
/// The stored failure category when <paramref name="Status"/> is failed (null otherwise): the indexer derives from it
/// whether the file or the machine was at fault, and so whether an unchanged file is retried.
/// </param>
public sealed record VideoFileState(VideoId Id, RootId RootId, string Path, FileIdentity File, VideoStatus Status,
    string? ErrorKind = null);
