using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The one table from SQLite and file-system failures to the catalog's typed exceptions: a damaged file becomes
/// <see cref="CatalogCorruptException"/>, a full disk, a read-only file, a permission or an I/O error becomes
/// <see cref="CatalogStorageException"/>. Opening the catalog and every repository call go through it (see
/// <see cref="SqliteCatalogDatabase"/>); code that reads the catalog file with its own connection should use it too.
/// Codes not listed (busy, locked, constraint, misuse) are not translated: busy and locked are contention the
/// callers wait out or report as they do now, the rest are the callers' own concern.
/// </summary>
public static class CatalogErrors
{
    /// <summary>Linux's errno for "no space left on device".</summary>
    private const int Enospc = 28;

    /// <summary>Windows' ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL, which .NET also uses as IOException HResults.</summary>
    private const int ErrorHandleDiskFull = 39, ErrorDiskFull = 112;

    /// <summary>
    /// Translates <paramref name="exception"/> into the catalog's exception for its SQLite result code, or returns
    /// false when the code is not one the catalog names (see the class comment).
    /// </summary>
    public static bool TryTranslate(SqliteException exception, string databasePath,
        [NotNullWhen(true)] out CatalogException? translated)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(databasePath);
        // The primary code is the low byte; extended codes (SQLITE_IOERR_WRITE, SQLITE_CORRUPT_INDEX, ...) add bits above.
        int primary = exception.SqliteErrorCode & 0xFF;
        string detail = exception.Message;
        translated = primary switch
        {
            raw.SQLITE_CORRUPT or raw.SQLITE_NOTADB => new CatalogCorruptException(databasePath, detail, exception),
            raw.SQLITE_FULL => new CatalogStorageException(CatalogStorageReason.DiskFull, databasePath, detail, exception),
            raw.SQLITE_READONLY => new CatalogStorageException(CatalogStorageReason.ReadOnly, databasePath, detail, exception),
            raw.SQLITE_CANTOPEN => new CatalogStorageException(CatalogStorageReason.CannotOpen, databasePath, detail, exception),
            raw.SQLITE_PERM => new CatalogStorageException(CatalogStorageReason.PermissionDenied, databasePath, detail, exception),
            raw.SQLITE_IOERR => new CatalogStorageException(CatalogStorageReason.IoError, databasePath, detail, exception),
            _ => null,
        };
        return translated is not null;
    }

    /// <summary>
    /// Translates an <see cref="IOException"/> met while creating or writing the library's files: a full disk (ENOSPC)
    /// becomes <see cref="CatalogStorageException"/> with <see cref="CatalogStorageReason.DiskFull"/>; anything else
    /// returns false.
    /// </summary>
    public static bool TryTranslate(IOException exception, string databasePath, [NotNullWhen(true)] out CatalogException? translated)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(databasePath);
        translated = IsDiskFull(exception)
            ? new CatalogStorageException(CatalogStorageReason.DiskFull, databasePath, exception.Message, exception)
            : null;
        return translated is not null;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> reports a full disk. On Unix .NET puts the errno in the HResult
    /// (ENOSPC, 28); on Windows it is ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL in the low 16 bits.
    /// </summary>
    public static bool IsDiskFull(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        int code = exception.HResult;
        if (OperatingSystem.IsWindows()) code &= 0xFFFF;
        return OperatingSystem.IsWindows() ? code is ErrorDiskFull or ErrorHandleDiskFull : code == Enospc;
    }
}
