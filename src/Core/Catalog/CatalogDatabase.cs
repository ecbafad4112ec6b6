using Microsoft.Data.Sqlite;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The catalog's SQLite file: opens it (WAL journal, so one writing process and any number of reading processes
/// work side by side), brings its schema up to date, and hands out pooled connections to the repositories.
/// </summary>
public sealed class CatalogDatabase : IDisposable
{
    /// <summary>The file name of the catalog inside its folder.</summary>
    public const string FileName = "catalog.db";

    // synchronous=NORMAL is durable against process kills in WAL mode (only a power loss can drop the last
    // commits, never corrupt the file); busy_timeout lets a second writer wait for the first instead of failing.
    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    private readonly string _connectionString;

    private CatalogDatabase(string path)
    {
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Opens (creating the folder and file when missing) the catalog in <paramref name="directory"/> and applies
    /// any pending schema migrations.
    /// </summary>
    /// <exception cref="CatalogSchemaTooNewException">The file has a newer schema; it is left untouched.</exception>
    /// <exception cref="CatalogException">The file is not a SQLite database, is corrupt, or belongs to another application.</exception>
    public static async Task<CatalogDatabase> OpenAsync(string directory, CancellationToken cancellationToken = default)
    {
        string fullDirectory = Path.GetFullPath(directory);
        Directory.CreateDirectory(fullDirectory);
        var database = new CatalogDatabase(Path.Combine(fullDirectory, FileName));
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await new CatalogMigrator(connection, database.FilePath).MigrateAsync(cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch (SqliteException ex)
        {
            database.Dispose();
            throw new CatalogException(database.FilePath, $"The catalog cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Opens a pooled connection with the catalog's per-connection settings applied.</summary>
    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the pooled connections so the file is released.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
