using VideoSearch.Core.Catalog;

namespace VideoSearch.Cli;

/// <summary>
/// A media folder as the command line gives it: <c>PATH</c>, or <c>NAME=PATH</c>, which says that the folder is the
/// library root called NAME (a shared catalog's root mounted on this machine at another path than where it was added).
/// An existing folder whose own name contains '=' is read as a plain path.
/// </summary>
internal sealed record LibraryFolder(string? Name, DirectoryInfo Directory)
{
    public static LibraryFolder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int equals = text.IndexOf('=');
        if (equals > 0 && !System.IO.Directory.Exists(text) && text.AsSpan(0, equals).IndexOfAny('/', '\\') < 0)
            return new LibraryFolder(text[..equals], new DirectoryInfo(text[(equals + 1)..]));
        return new LibraryFolder(null, new DirectoryInfo(text));
    }

    /// <summary>The full path without a trailing separator, as the scanner and the catalog write it.</summary>
    public string FullPath => Path.TrimEndingDirectorySeparator(Directory.FullName);

    /// <summary>Registers the named folders with the catalog, so that every path it hands out is this machine's.</summary>
    /// <param name="folders">The folders; unnamed ones are left to the indexer, which adds them under their own names.</param>
    /// <param name="catalog">The opened catalog.</param>
    /// <param name="mapOnly">
    /// Only map roots the catalog has (a search node's <c>--root</c>: it never adds a root), rather than add a new one.
    /// </param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <exception cref="CatalogException">A name is unusable, unknown (<paramref name="mapOnly"/>), or taken by another folder.</exception>
    public static async Task RegisterAsync(IEnumerable<LibraryFolder> folders, VideoCatalog catalog, bool mapOnly,
        CancellationToken cancellationToken)
    {
        foreach (LibraryFolder folder in folders)
        {
            if (folder.Name is null) continue;
            if (mapOnly) await catalog.Roots.MapAsync(folder.Name, folder.FullPath, cancellationToken).ConfigureAwait(false);
            else await catalog.Roots.AddAsync(folder.FullPath, folder.Name, cancellationToken).ConfigureAwait(false);
        }
    }
}
