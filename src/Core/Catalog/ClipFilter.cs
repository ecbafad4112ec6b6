namespace VideoSearch.Core.Catalog;

/// <summary>Restricts a read to the clips of some videos; every null field means "no restriction".</summary>
/// <param name="Folder">Only videos whose full path lies under this absolute folder (whole path segments).</param>
/// <param name="MinDurationSeconds">Only videos at least this long.</param>
/// <param name="MaxDurationSeconds">Only videos at most this long.</param>
/// <param name="ModifiedAfter">Only files modified at or after this instant.</param>
/// <param name="ModifiedBefore">Only files modified before this instant.</param>
public sealed record ClipFilter(
    string? Folder = null,
    double? MinDurationSeconds = null,
    double? MaxDurationSeconds = null,
    DateTimeOffset? ModifiedAfter = null,
    DateTimeOffset? ModifiedBefore = null);
