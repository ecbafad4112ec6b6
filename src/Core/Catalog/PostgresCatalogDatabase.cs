using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The catalog in a PostgreSQL database, for a library that many indexers and search nodes share: opens a pooled
/// data source (Npgsql), brings the schema up to date under an advisory lock, and answers the dialect questions of
/// <see cref="CatalogDatabase"/>.
/// </summary>
public sealed class PostgresCatalogDatabase : CatalogDatabase
{
    /// <summary>
    /// Advisory lock keys ("VSCG" and a number), one per use, so they cannot collide with each other. The change-order
    /// lock is also the write lock every write transaction takes first (<see cref="BeginWriteAsync"/>).
    /// </summary>
    internal const long MigrationLockKey = 0x5653_4347_0001, ScanLockKey = 0x5653_4347_0002, ChangeOrderLockKey = 0x5653_4347_0003;

    private static readonly TimeSpan ScanLockPoll = TimeSpan.FromMilliseconds(250);

    private readonly NpgsqlDataSource _dataSource;

    private PostgresCatalogDatabase(NpgsqlDataSource dataSource, string location)
    {
        _dataSource = dataSource;
        Location = location;
    }

    /// <inheritdoc/>
    public override string Location { get; }

    /// <summary>Any number of processes may write a PostgreSQL catalog.</summary>
    public override bool IsShared => true;

    /// <summary>Opens the catalog in the database named by <paramref name="connectionString"/> and applies pending migrations.</summary>
    /// <exception cref="CatalogException">
    /// The connection string is malformed, the server cannot be reached or refuses the login, the database belongs to
    /// another application, or its schema is newer than this program's.
    /// </exception>
    public static async Task<PostgresCatalogDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse(connectionString);
        string location = PostgresConnectionString.Describe(builder);
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(builder);
        }
        catch (ArgumentException ex)
        {
            // Each setting parsed, but together they do not make a usable data source (multiplexing without pooling, ...).
            throw new CatalogException(location, $"The connection string cannot be used: {ex.Message}", ex);
        }
        var database = new PostgresCatalogDatabase(dataSource, location);
        try
        {
            await database.RunAsync(connection =>
                    new PostgresCatalogMigrator((NpgsqlConnection)connection, location).MigrateAsync(cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch (NpgsqlException ex)
        {
            database.Dispose();
            throw new CatalogException(location, $"The catalog cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public override bool TryTranslate(Exception exception, [NotNullWhen(true)] out CatalogException? translated) =>
        PostgresCatalogErrors.TryTranslate(exception, Location, out translated);

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // Read committed: each statement sees what others committed before it; the rows a write touches stay locked to its end.
    // The change-order lock is taken first, as SQLite's BEGIN IMMEDIATE takes its write lock: writers lock rows in
    // different orders (a root's cascade goes video by video while an indexer replaces one video's clips), and a writer
    // that waited for the lock only at its first change row, holding rows another writer needs, would deadlock.
    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        DbTransaction transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ChangeOrderLockKey});",
                (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    internal override string IdIn(string column, string parameter) => $"{column} = ANY({parameter})";

    internal override object IdList(IEnumerable<long> ids) => ids.ToArray();

    internal override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    internal override string NowMs => "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)";

    /// <summary>
    /// Takes the session-level advisory scan lock on a connection of its own, waiting (polling, so that cancellation
    /// is prompt) while another process holds it. A process that dies closes that connection, and the server lets go.
    /// </summary>
    public override async Task<IAsyncDisposable> LockScanAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await GuardAsync(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask())
            .ConfigureAwait(false);
        try
        {
            while (true)
            {
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key);", connection);
                command.Parameters.AddWithValue("key", ScanLockKey);
                if ((bool)(await GuardAsync(() => command.ExecuteScalarAsync(cancellationToken)).ConfigureAwait(false))!)
                    return new ScanLock(connection);
                await Task.Delay(ScanLockPoll, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the data source and its pooled connections.</summary>
    public override void Dispose() => _dataSource.Dispose();

    private sealed class ScanLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key);", connection);
                command.Parameters.AddWithValue("key", ScanLockKey);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and the server released the lock with it.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
