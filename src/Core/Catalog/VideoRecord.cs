using VideoSearch.Core.Model;

namespace VideoSearch.Core.Catalog;

/// <summary>One video as the catalog knows it.</summary>
/// <param name="Id">The video's id.</param>
/// <param name="RootId">The library root it lies under.</param>
/// <param name="RelativePath">Path relative to the root.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="File">Size, modification time and fingerprint recorded for it.</param>
/// <param name="Status">Where it stands in indexing.</param>
/// <param name="Metadata">Probe results, once indexed.</param>
/// <param name="ErrorKind">Short failure category when <see cref="Status"/> is failed.</param>
/// <param name="ErrorText">Failure message when <see cref="Status"/> is failed.</param>
/// <param name="IndexedAt">When it was last indexed.</param>
/// <param name="ModelId">Model whose embeddings its clips hold.</param>
/// <param name="ModelRevision">Revision of that model.</param>
/// <param name="ModelPrecision">The precision its clips were embedded in (fp32 for rows from before it was recorded).</param>
public sealed record VideoRecord(
    VideoId Id,
    RootId RootId,
    string RelativePath,
    string Path,
    FileIdentity File,
    VideoStatus Status,
    VideoMetadata? Metadata,
    string? ErrorKind,
    string? ErrorText,
    DateTimeOffset? IndexedAt,
    string? ModelId,
    string? ModelRevision,
    XClipPrecision ModelPrecision = XClipPrecision.Fp32);
