using Microsoft.Data.Sqlite;
using Npgsql;
using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Bench.Indexers;

/// <summary>
/// A fresh, empty catalog for one measured run: the SQLite file in a library folder of its own, or a new database on
/// the benchmark's PostgreSQL server (its library folders then hold only machine-local files, the vector index).
/// </summary>
internal sealed class CatalogStore
{
    private CatalogStore(string name, string directory, string? connectionString)
    {
        Name = name;
        Directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Name { get; }

    /// <summary>The run's folder: the SQLite library itself, or the parent of each PostgreSQL indexer's library folder.</summary>
    public string Directory { get; }

    /// <summary>The PostgreSQL database's connection string (what <c>--catalog</c> takes); null for SQLite.</summary>
    public string? ConnectionString { get; }

    public bool IsShared => ConnectionString is not null;

    public static CatalogStore Sqlite(string directory) => new("SQLite", directory, null);

    public static async Task<CatalogStore> PostgresAsync(PostgresServer server, string directory, CancellationToken token) =>
        new("PostgreSQL", directory, await server.CreateDatabaseAsync("indexers", token));

    /// <summary>The library folder of indexer <paramref name="index"/>: the one SQLite library, or a folder per PostgreSQL indexer.</summary>
    public string LibraryFolder(int index) => IsShared ? Path.Combine(Directory, $"indexer-{index}") : Directory;

    /// <summary>Opens the catalog as indexer <paramref name="index"/> would.</summary>
    public Task<VideoCatalog> OpenAsync(int index, CancellationToken token) => VideoCatalog.OpenAsync(LibraryFolder(index), ConnectionString, token);

    /// <summary>The catalog's counts (to check that every clip was stored once).</summary>
    public async Task<LibraryStats> StatsAsync(CancellationToken token)
    {
        using VideoCatalog catalog = await OpenAsync(0, token);
        return await catalog.Stats.GetAsync(token);
    }

    /// <summary>
    /// The bytes the catalog holds once every catalog on it is closed: SQLite's file and WAL after a checkpoint that
    /// empties the WAL into the file; PostgreSQL's tables with their indexes and TOAST (the database's own system
    /// catalogs, several MB that do not grow with the library, are left out).
    /// </summary>
    public async Task<long> BytesAsync(CancellationToken token)
    {
        if (ConnectionString is null)
        {
            string file = Path.Combine(Directory, SqliteCatalogDatabase.FileName);
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync(token);
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync(token);
            }
            return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync(token);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c " +
            "JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema');", pg);
        return (long)(await command.ExecuteScalarAsync(token))!;
    }

    /// <summary>Deletes the catalog (its database, or its folder) once its figures are taken, so runs do not fill the disk.</summary>
    public async Task DeleteAsync(CancellationToken token)
    {
        if (ConnectionString is not null)
        {
            (string admin, string database) = Server();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(token);
            // DROP DATABASE takes no parameters; the name is the one PostgresServer made (letters, digits, underscores).
            await using var command = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE);", connection);
            await command.ExecuteNonQueryAsync(token);
        }
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>
    /// Waits (up to 10 s) until the server has no backend left for this database, so that the CPU its indexers' backends
    /// used is counted: a backend ends a moment after its client's connection closes.
    /// </summary>
    public async Task WaitForBackendsToEndAsync(CancellationToken token)
    {
        if (ConnectionString is null) return;
        (string admin, string database) = Server();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(token);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db;", connection);
            command.Parameters.AddWithValue("db", database);
            if ((long)(await command.ExecuteScalarAsync(token))! == 0) return;
            await Task.Delay(100, token);
        }
    }

    /// <summary>An unpooled connection string to the server's <c>postgres</c> database, and this catalog's database name.</summary>
    private (string Admin, string Database) Server()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        string database = builder.Database!;
        builder.Database = "postgres";
        return (builder.ConnectionString, database);
    }
}
