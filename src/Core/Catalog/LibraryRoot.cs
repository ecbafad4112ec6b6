namespace VideoSearch.Core.Catalog;

/// <summary>
/// A root folder of the library: <paramref name="Path"/> is where it is on this machine (see
/// <see cref="LibraryRootPaths"/>), <see cref="StoredPath"/> where the catalog first recorded it.
/// </summary>
public sealed record LibraryRoot(RootId Id, string Path, DateTimeOffset AddedAt)
{
    /// <summary>The root's name, which machines mounting it at different paths share.</summary>
    public string Name { get; init; } = "";

    /// <summary>The root's path as the catalog stores it (where it was first added).</summary>
    public string StoredPath { get; init; } = Path;
}
