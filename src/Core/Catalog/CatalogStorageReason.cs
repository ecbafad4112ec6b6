namespace VideoSearch.Core.Catalog;

/// <summary>Why the storage under the catalog refused an operation (see <see cref="CatalogStorageException"/>).</summary>
public enum CatalogStorageReason
{
    /// <summary>The disk holding the library is full (SQLITE_FULL, or ENOSPC from the file system).</summary>
    DiskFull,

    /// <summary>The catalog file or its folder is read-only (SQLITE_READONLY).</summary>
    ReadOnly,

    /// <summary>The catalog file cannot be opened or created (SQLITE_CANTOPEN).</summary>
    CannotOpen,

    /// <summary>Access was denied (SQLITE_PERM).</summary>
    PermissionDenied,

    /// <summary>The operating system reported an I/O error (SQLITE_IOERR).</summary>
    IoError,

    /// <summary>The catalog's database server cannot be reached, or it closed the connection (a shared catalog).</summary>
    ServerUnavailable,
}
