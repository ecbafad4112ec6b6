namespace VideoSearch.Search.Contracts;

/// <summary>Restricts a search to some of the library's videos; every null field means "no restriction".</summary>
/// <param name="Folder">Only videos whose path lies under this folder.</param>
/// <param name="MinDurationSeconds">Only videos at least this long.</param>
/// <param name="MaxDurationSeconds">Only videos at most this long.</param>
/// <param name="ModifiedAfter">Only files modified at or after this instant.</param>
/// <param name="ModifiedBefore">Only files modified before this instant.</param>
public sealed record SearchFilters(
    string? Folder = null,
    double? MinDurationSeconds = null,
    double? MaxDurationSeconds = null,
    DateTimeOffset? ModifiedAfter = null,
    DateTimeOffset? ModifiedBefore = null);
