using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class CatalogDatabaseTests
{
    [Fact]
    public async Task OpenAsync_FreshDirectory_CreatesSchemaInWalMode()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(withModel: false);

        Assert.True(File.Exists(temp.DatabasePath));
        await using var connection = (SqliteConnection)await temp.Catalog.Database.OpenConnectionAsync(default);
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteCatalogMigrator.PageSize, Scalar(connection, "PRAGMA page_size;"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.Equal((long)CatalogMigrations.LatestVersion, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal((long)CatalogMigrations.ApplicationId, Scalar(connection, "PRAGMA application_id;"));
        foreach (string table in new[] { "library_roots", "videos", "clips", "clip_contexts", "clip_thumbnails", "clip_previews", "model_state" })
            Assert.Equal(1L, Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';"));
    }

    [Fact]
    public async Task OpenAsync_Reopen_IsIdempotentAndKeepsData()
    {
        string directory = TempCatalog.NewDirectory();
        using (VideoCatalog first = await VideoCatalog.OpenAsync(directory))
            await first.Roots.AddAsync("/library/videos");

        using (VideoCatalog second = await VideoCatalog.OpenAsync(directory))
        {
            LibraryRoot root = Assert.Single(await second.Roots.ListAsync());
            Assert.Equal("/library/videos", root.Path);
        }
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_ThrowsTooNewAndLeavesFileUnchanged()
    {
        string directory = TempCatalog.NewDirectory();
        using (VideoCatalog catalog = await VideoCatalog.OpenAsync(directory))
        {
            await using var connection = (SqliteConnection)await catalog.Database.OpenConnectionAsync(default);
            Scalar(connection, $"PRAGMA user_version = {CatalogMigrations.LatestVersion + 1};");
        }
        string path = Path.Combine(directory, SqliteCatalogDatabase.FileName);
        byte[] before = await File.ReadAllBytesAsync(path);

        var error = await Assert.ThrowsAsync<CatalogSchemaTooNewException>(() => VideoCatalog.OpenAsync(directory));

        Assert.Equal(CatalogMigrations.LatestVersion + 1, error.FoundVersion);
        Assert.Equal(path, error.DatabasePath);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task OpenAsync_GarbageFile_ThrowsCatalogCorruptNamingFile()
    {
        string directory = TempCatalog.NewDirectory();
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, SqliteCatalogDatabase.FileName);
        await File.WriteAllTextAsync(path, new string('x', 4096) + " this is not a SQLite database");

        var error = await Assert.ThrowsAsync<CatalogCorruptException>(() => VideoCatalog.OpenAsync(directory));

        Assert.Equal(path, error.DatabasePath);
        Assert.Contains(path, error.Message);
        Assert.IsType<SqliteException>(error.InnerException);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task OpenAsync_OtherApplicationsDatabase_ThrowsCatalogException()
    {
        string directory = TempCatalog.NewDirectory();
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, SqliteCatalogDatabase.FileName);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);");
        }

        var error = await Assert.ThrowsAsync<CatalogException>(() => VideoCatalog.OpenAsync(directory));

        Assert.Contains("another application", error.Message);
        Directory.Delete(directory, recursive: true);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
