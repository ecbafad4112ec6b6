using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The storage under the catalog refused an operation: a full disk, a read-only file, missing permissions, an I/O
/// error. The catalog itself is fine, so this is <see cref="ErrorKind.Environment"/>: once the cause is gone the same
/// operation succeeds (a failed write was rolled back; what was committed before is kept).
/// </summary>
public sealed class CatalogStorageException : CatalogException
{
    /// <summary>Creates the exception for the catalog at <paramref name="databasePath"/>.</summary>
    public CatalogStorageException(CatalogStorageReason reason, string databasePath, string detail, Exception? inner = null)
        : base(ErrorKind.Environment, databasePath, Describe(reason, databasePath, detail), inner)
    {
        Reason = reason;
    }

    /// <summary>What the storage refused.</summary>
    public CatalogStorageReason Reason { get; }

    private CatalogStorageException(CatalogStorageReason reason, string location, string message, Exception? inner, bool _)
        : base(ErrorKind.Environment, location, message, inner)
    {
        Reason = reason;
    }

    /// <summary>A failure of the database server of a shared catalog, at <paramref name="location"/> (no files to name).</summary>
    public static CatalogStorageException OfServer(CatalogStorageReason reason, string location, string detail, Exception? inner = null) =>
        new(reason, location, DescribeServer(reason, detail), inner, true);

    private static string DescribeServer(CatalogStorageReason reason, string detail) => reason switch
    {
        CatalogStorageReason.DiskFull =>
            $"The catalog's database server has no disk space left ({detail}): free space on its disk and run again; the " +
            "change that failed was not stored and everything stored before is kept",
        CatalogStorageReason.ReadOnly =>
            $"The catalog's database refuses writes ({detail}): point the catalog at the primary server, not a read-only replica",
        CatalogStorageReason.CannotOpen =>
            $"The catalog's database cannot be opened ({detail}): check the database name, or create it (createdb)",
        CatalogStorageReason.PermissionDenied =>
            $"The catalog's database server refused access ({detail}): check the user name, the password and the server's " +
            "pg_hba.conf",
        CatalogStorageReason.ServerUnavailable =>
            $"The catalog's database server cannot be reached or closed the connection ({detail}): check that it is running " +
            "and reachable, then run again; a change that was in flight was rolled back whole",
        _ => $"The catalog's database server failed ({detail})",
    };

    private static string Describe(CatalogStorageReason reason, string databasePath, string detail)
    {
        string directory = Path.GetDirectoryName(databasePath) ?? ".";
        return reason switch
        {
            CatalogStorageReason.DiskFull =>
                $"The disk holding the library is full ({detail}): free space on the disk of {directory} and run again; " +
                "the change that failed was not stored and everything stored before is kept",
            CatalogStorageReason.ReadOnly =>
                $"The catalog is read-only ({detail}): make {directory} and the catalog files in it writable, or check " +
                "that the disk is not mounted read-only",
            CatalogStorageReason.CannotOpen =>
                $"The catalog file cannot be opened ({detail}): check that {directory} exists, is a folder, and is " +
                "readable and writable",
            CatalogStorageReason.PermissionDenied =>
                $"Access to the catalog was denied ({detail}): check the permissions of {directory} and the catalog files in it",
            _ =>
                $"Reading or writing the catalog failed with an I/O error ({detail}): check the disk holding {directory} " +
                "(its health, or the network mount) and run again",
        };
    }
}
