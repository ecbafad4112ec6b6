using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The catalog's SQLite file, the embedded default: opens it (WAL journal, so one writing process and any number of
/// reading processes work side by side), brings its schema up to date, and hands out pooled connections.
/// </summary>
public sealed class SqliteCatalogDatabase : CatalogDatabase
{
    /// <summary>The file name of the catalog inside its folder.</summary>
    public const string FileName = "catalog.db";

    // synchronous=NORMAL is durable against process kills in WAL mode (only a power loss can drop the last
    // commits, never corrupt the file); busy_timeout lets a second writer wait for the first instead of failing.
    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    private readonly string _connectionString;

    private SqliteCatalogDatabase(string path)
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

    /// <inheritdoc/>
    public override string Location => FilePath;

    /// <summary>One process writes a SQLite library (the library lock sees to it).</summary>
    public override bool IsShared => false;

    /// <summary>
    /// Opens (creating the folder and file when missing) the catalog in <paramref name="directory"/> and applies
    /// any pending schema migrations.
    /// </summary>
    /// <exception cref="CatalogSchemaTooNewException">The file has a newer schema; it is left untouched.</exception>
    /// <exception cref="CatalogCorruptException">The file is damaged or not a SQLite database; the message says how to recover.</exception>
    /// <exception cref="CatalogStorageException">The disk is full, or the file or folder cannot be opened, read or written.</exception>
    /// <exception cref="CatalogException">The file belongs to another application, or SQLite failed otherwise.</exception>
    public static async Task<SqliteCatalogDatabase> OpenAsync(string directory, CancellationToken cancellationToken = default)
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
        var database = new SqliteCatalogDatabase(path);
        try
        {
            await database.RunAsync(connection =>
                    new SqliteCatalogMigrator((SqliteConnection)connection, database.Location).MigrateAsync(cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch (SqliteException ex)
        {
            // Busy, locked and the like: not translated by RunAsync, still the catalog's failure to open.
            database.Dispose();
            throw new CatalogException(database.Location, $"The catalog cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
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

    /// <inheritdoc/>
    public override bool TryTranslate(Exception exception, [NotNullWhen(true)] out CatalogException? translated)
    {
        translated = null;
        return exception is SqliteException sqlite && CatalogErrors.TryTranslate(sqlite, FilePath, out translated);
    }

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT };

    // BEGIN IMMEDIATE: the write lock is taken at the start, so a second writer waits (busy_timeout) instead of
    // failing when it upgrades a read.
    internal override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // A deferred transaction reads one WAL snapshot from its first read to its end.
    internal override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    internal override string IdIn(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    internal override object IdList(IEnumerable<long> ids) => JsonSerializer.Serialize(ids);

    internal override string SkipLocked => "";

    internal override string NowMs => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    /// <summary>Nothing to take: the library lock (<c>LibraryLock</c>) already keeps every other writer out.</summary>
    public override Task<IAsyncDisposable> LockScanAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    /// <summary>Closes the pooled connections so the file is released.</summary>
    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
