namespace VideoSearch.Core.Catalog;

/// <summary>A folder whose videos belong to the library.</summary>
/// <param name="Id">The root's id.</param>
/// <param name="Path">Full path of the folder.</param>
/// <param name="AddedAt">When it was added.</param>
public sealed record LibraryRoot(RootId Id, string Path, DateTimeOffset AddedAt);
