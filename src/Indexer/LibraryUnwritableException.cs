using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;

namespace VideoSearch.Indexer;

/// <summary>
/// The library (its catalog or vector index file, or a shared catalog's database server) cannot be written: the disk
/// is full, read-only or failing, a permission is missing, or the server cannot be reached. An environment failure:
/// nothing is recorded against the videos (the catalog that would hold the record is what cannot be written), so
/// every video not yet stored stays pending for the next run.
/// </summary>
public sealed class LibraryUnwritableException : VideoSearchException
{
    /// <summary>Creates the exception for the library in <paramref name="databaseDirectory"/>.</summary>
    public LibraryUnwritableException(string databaseDirectory, bool diskFull, Exception inner)
        : base(ErrorKind.Environment, Describe(databaseDirectory, diskFull, inner), inner)
    {
        DiskFull = diskFull;
    }

    private LibraryUnwritableException(Exception inner, string message, bool diskFull)
        : base(ErrorKind.Environment, message, inner)
    {
        DiskFull = diskFull;
    }

    /// <summary>
    /// The failure of a shared catalog's database server (unreachable, out of space, refusing writes), in the
    /// catalog's own words: they name the server, where the library folder's would point at the wrong place.
    /// </summary>
    public static LibraryUnwritableException OfSharedCatalog(CatalogException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new LibraryUnwritableException(failure, failure.Message,
            failure is CatalogStorageException { Reason: CatalogStorageReason.DiskFull });
    }

    /// <summary>True when the cause is a full disk (or quota), rather than permissions or I/O errors.</summary>
    public bool DiskFull { get; }

    private static string Describe(string directory, bool diskFull, Exception inner)
    {
        string cause = diskFull ? "its disk is full" : Innermost(inner).Message.TrimEnd('.');
        string fix = diskFull ? "Free space" : "Fix the cause";
        return $"The library in {directory} cannot be written ({cause}). {fix} and run again: the videos not stored yet " +
               "stay pending and are indexed then.";
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner) e = inner;
        return e;
    }
}
