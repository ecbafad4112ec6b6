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
    /// <exception cref="CatalogCorruptException">The file is damaged or not a SQLite database; the message says how to recover.</exception>
    /// <exception cref="CatalogStorageException">The disk is full, or the file or folder cannot be opened, read or written.</exception>
    /// <exception cref="CatalogException">The file belongs to another application, or SQLite failed otherwise.</exception>
    public static async Task<CatalogDatabase> OpenAsync(string directory, CancellationToken cancellationToken = default)
    {
        string fullDirectory = Path.GetFullPath(directory);
        string path = Path.Combine(fullDirectory, FileName);
        try
        {
            Directory.CreateDirectory(fullDirectory);
        }
        catch (IOException ex) when (CatalogErrors.TryTranslate(ex, path, out CatalogException? translated))
        {
            throw translated;
        }
        var database = new CatalogDatabase(path);
        try
        {
            await database.RunAsync(connection => new CatalogMigrator(connection, database.FilePath).MigrateAsync(cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch (SqliteException ex)
        {
            // Busy, locked and the like: not translated by RunAsync, still the catalog's failure to open.
            database.Dispose();
            throw new CatalogException(database.FilePath, $"The catalog cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection and closes it after: the one place where every catalog
    /// operation passes, so a SQLite failure the catalog names (a damaged file, a full disk, ...) is translated by
    /// <see cref="CatalogErrors"/> here rather than in each repository method.
    /// </summary>
    internal async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (CatalogErrors.TryTranslate(ex, FilePath, out CatalogException? translated))
        {
            throw translated;
        }
    }

    /// <summary>Runs <paramref name="work"/> as <see cref="RunAsync{T}"/> does, for operations without a result.</summary>
    internal Task RunAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await work(connection).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// One step of work that cannot run inside <see cref="RunAsync{T}"/> (an iterator, which cannot yield inside a
    /// try with a catch), translated the same way.
    /// </summary>
    internal async Task<T> GuardAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (SqliteException ex) when (CatalogErrors.TryTranslate(ex, FilePath, out CatalogException? translated))
        {
            throw translated;
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
