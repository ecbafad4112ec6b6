using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;
using static SQLitePCL.raw;

namespace VideoSearch.Indexer;

/// <summary>
/// Tells a failure to write the library (disk full, read-only, I/O error, permission) from the catalog refusing
/// data. Catalog errors arrive as SQLite's codes, as a <see cref="CatalogException"/> of kind
/// <see cref="ErrorKind.Environment"/> (once the catalog translates them itself), or wrapped in another catalog
/// exception; the vector index file fails with an <see cref="IOException"/>. Each form is recognised here, once.
/// </summary>
internal static class StorageFailures
{
    // Linux errno values .NET puts in IOException.HResult for these errors.
    private const int Enospc = 28, Edquot = 122;

    /// <summary>True when <paramref name="e"/> (or what it wraps) says the library could not be written.</summary>
    public static bool IsUnwritable(Exception e) => e switch
    {
        LibraryUnwritableException or CatalogException { Kind: ErrorKind.Environment } => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is SQLITE_FULL or SQLITE_IOERR or SQLITE_READONLY
            or SQLITE_CANTOPEN or SQLITE_PERM,
        IOException or UnauthorizedAccessException => true,
        _ => e.InnerException is { } inner && IsUnwritable(inner),
    };

    /// <summary>True when <paramref name="e"/> (or what it wraps) says the disk or quota is full.</summary>
    public static bool IsDiskFull(Exception e) => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SQLITE_FULL,
        IOException io when io.HResult is Enospc or Edquot => true,
        _ => e.InnerException is { } inner && IsDiskFull(inner),
    };

    /// <summary>
    /// The environment error for a write failure of the library in <paramref name="databaseDirectory"/>. With a
    /// <paramref name="sharedCatalog"/> the catalog is on a database server, not in that folder, so the catalog's own
    /// failure is reported in its words, which name the server.
    /// </summary>
    public static LibraryUnwritableException Unwritable(string databaseDirectory, Exception e, bool sharedCatalog = false) => e switch
    {
        LibraryUnwritableException unwritable => unwritable,
        _ when sharedCatalog && CatalogFailure(e) is { } catalog => LibraryUnwritableException.OfSharedCatalog(catalog),
        _ => new LibraryUnwritableException(databaseDirectory, IsDiskFull(e), e),
    };

    private static CatalogException? CatalogFailure(Exception e) =>
        e is CatalogException { Kind: ErrorKind.Environment } catalog ? catalog
        : e.InnerException is { } inner ? CatalogFailure(inner)
        : null;
}
