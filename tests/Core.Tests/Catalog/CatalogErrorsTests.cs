using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Tests.Catalog;

public class CatalogErrorsTests
{
    private const string Path = "/srv/library/catalog.db";

    [Theory]
    [InlineData(11)] // SQLITE_CORRUPT
    [InlineData(26)] // SQLITE_NOTADB
    [InlineData(11 | (1 << 8))] // SQLITE_CORRUPT_VTAB: an extended code maps by its primary code
    public void TryTranslate_DamagedFileCodes_CorruptWithRecoverySteps(int code)
    {
        Assert.True(CatalogErrors.TryTranslate(new SqliteException("database disk image is malformed", code), Path, out var error));

        var corrupt = Assert.IsType<CatalogCorruptException>(error);
        Assert.Equal(ErrorKind.Corrupt, corrupt.Kind);
        Assert.Equal(Path, corrupt.DatabasePath);
        Assert.Contains("The catalog is damaged (database disk image is malformed)", corrupt.Message);
        Assert.Contains("videosearch verify --db /srv/library", corrupt.Message);
        Assert.Contains("move catalog.db aside and re-index from the media", corrupt.Message);
        Assert.Contains("the media files are untouched", corrupt.Message);
    }

    [Theory]
    [InlineData(13, CatalogStorageReason.DiskFull, "The disk holding the library is full")]
    [InlineData(8, CatalogStorageReason.ReadOnly, "The catalog is read-only")]
    [InlineData(14, CatalogStorageReason.CannotOpen, "cannot be opened")]
    [InlineData(3, CatalogStorageReason.PermissionDenied, "Access to the catalog was denied")]
    [InlineData(10, CatalogStorageReason.IoError, "I/O error")]
    [InlineData(10 | (3 << 8), CatalogStorageReason.IoError, "I/O error")] // SQLITE_IOERR_WRITE
    public void TryTranslate_StorageCodes_EnvironmentWithTheReason(int code, CatalogStorageReason reason, string text)
    {
        Assert.True(CatalogErrors.TryTranslate(new SqliteException("sqlite says", code), Path, out var error));

        var storage = Assert.IsType<CatalogStorageException>(error);
        Assert.Equal(ErrorKind.Environment, storage.Kind);
        Assert.Equal(reason, storage.Reason);
        Assert.Contains(text, storage.Message);
        Assert.Contains("(sqlite says)", storage.Message);
        Assert.IsType<SqliteException>(storage.InnerException);
    }

    [Theory]
    [InlineData(5)] // SQLITE_BUSY
    [InlineData(6)] // SQLITE_LOCKED
    [InlineData(19)] // SQLITE_CONSTRAINT
    [InlineData(1)] // SQLITE_ERROR
    public void TryTranslate_OtherCodes_LeftAlone(int code)
    {
        Assert.False(CatalogErrors.TryTranslate(new SqliteException("other", code), Path, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void TryTranslate_WriteToAFullDevice_DiskFull()
    {
        // /dev/full answers every write with ENOSPC: the real IOException a full disk gives.
        var full = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            stream.Write(new byte[4096]);
            stream.Flush();
        });

        Assert.True(CatalogErrors.IsDiskFull(full));
        Assert.True(CatalogErrors.TryTranslate(full, Path, out var error));
        Assert.Equal(CatalogStorageReason.DiskFull, Assert.IsType<CatalogStorageException>(error).Reason);
        Assert.Equal(ErrorKind.Environment, error.Kind);
    }

    [Fact]
    public void TryTranslate_OtherIOException_LeftAlone()
    {
        var missing = Assert.ThrowsAny<IOException>(() => File.ReadAllBytes("/nonexistent/catalog.db"));

        Assert.False(CatalogErrors.TryTranslate(missing, Path, out _));
    }
}
