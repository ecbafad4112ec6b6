namespace VideoSearch.Core.Catalog;

/// <summary>One numbered change of the catalog's clips: <paramref name="ClipId"/> was added, or removed.</summary>
public readonly record struct ClipChange(long Sequence, long ClipId, bool Added);
