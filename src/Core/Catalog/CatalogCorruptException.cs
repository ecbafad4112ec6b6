using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The catalog file is damaged (SQLite reports it malformed, or it is not a database at all). The message says how
/// to recover: <c>videosearch verify --db &lt;dir&gt;</c>, and if that cannot repair it, move <c>catalog.db</c> aside
/// and re-index from the media, which the catalog never modifies.
/// </summary>
public sealed class CatalogCorruptException : CatalogException
{
    /// <summary>Creates the exception for the catalog at <paramref name="databasePath"/>; <paramref name="detail"/> is SQLite's finding.</summary>
    public CatalogCorruptException(string databasePath, string detail, Exception? inner = null)
        : base(ErrorKind.Corrupt, databasePath, Describe(databasePath, detail), inner)
    {
    }

    private static string Describe(string databasePath, string detail)
    {
        string directory = Path.GetDirectoryName(databasePath) ?? ".";
        // verify reads and reports, it never repairs; the catalog is rebuilt from the media, which are never touched.
        return $"The catalog is damaged ({detail}). To recover, move {Path.GetFileName(databasePath)} aside and re-index " +
               "from the media ('videosearch index'): the media files are untouched and the catalog is rebuilt from them; " +
               $"then 'videosearch verify --db {directory}' checks the result";
    }
}
