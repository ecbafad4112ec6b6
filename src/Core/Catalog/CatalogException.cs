using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Catalog;

/// <summary>The catalog file cannot be used, or a catalog operation was given data it cannot store.</summary>
public class CatalogException : VideoSearchException
{
    /// <summary>Creates the exception for the catalog at <paramref name="databasePath"/>.</summary>
    public CatalogException(string databasePath, string message, Exception? inner = null)
        : this(ErrorKind.Failed, databasePath, message, inner)
    {
    }

    /// <summary>Creates the exception of <paramref name="kind"/> for the catalog at <paramref name="databasePath"/>.</summary>
    protected CatalogException(ErrorKind kind, string databasePath, string message, Exception? inner = null)
        : base(kind, $"{message} (catalog: {databasePath})", inner)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The catalog database file concerned.</summary>
    public string DatabasePath { get; }
}
