using Npgsql;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Brings one PostgreSQL catalog to <see cref="CatalogMigrations.LatestVersion"/>, refusing databases it must not
/// touch. The version lives in the one-row table <c>catalog_schema</c>, with the application id SQLite keeps in its
/// header. DDL is transactional in PostgreSQL, so a migration is applied whole or not at all; an advisory lock makes a
/// second process that opens the catalog at the same moment wait, then find the work done.
/// </summary>
internal sealed class PostgresCatalogMigrator(NpgsqlConnection connection, string location)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"SELECT pg_advisory_xact_lock({PostgresCatalogDatabase.MigrationLockKey});", transaction, cancellationToken)
            .ConfigureAwait(false);
        int version = await ReadVersionAsync(transaction, cancellationToken).ConfigureAwait(false);
        if (version > CatalogMigrations.LatestVersion)
            throw new CatalogSchemaTooNewException(location, version, CatalogMigrations.LatestVersion);
        if (version == CatalogMigrations.LatestVersion) return;

        if (version == 0)
            await ExecuteAsync("CREATE TABLE catalog_schema (application_id INTEGER NOT NULL, version INTEGER NOT NULL);",
                transaction, cancellationToken).ConfigureAwait(false);
        for (int next = version; next < CatalogMigrations.LatestVersion; next++)
            await ExecuteAsync(CatalogMigrations.PostgresScripts[next], transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("DELETE FROM catalog_schema; " +
            $"INSERT INTO catalog_schema VALUES ({CatalogMigrations.ApplicationId}, {CatalogMigrations.LatestVersion});",
            transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version, 0 for an empty database; a database of another application is refused.</summary>
    private async Task<int> ReadVersionAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('catalog_schema') IS NOT NULL;", connection, transaction);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            await using var tables = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema();", connection, transaction);
            long count = await tables.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
            if (count != 0)
                throw new CatalogException(location,
                    $"The database belongs to another application: it has {count} tables but no catalog schema version");
            return 0;
        }
        await using var read = new NpgsqlCommand("SELECT application_id, version FROM catalog_schema;", connection, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            throw new CatalogException(location, "The catalog_schema table is empty: the database was not made by this program");
        int applicationId = reader.GetInt32(0), version = reader.GetInt32(1);
        if (applicationId != CatalogMigrations.ApplicationId)
            throw new CatalogException(location, $"The database belongs to another application (application id {applicationId})");
        if (version < 0) throw new CatalogException(location, $"Invalid catalog schema version {version}");
        return version;
    }

    private async Task ExecuteAsync(string sql, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
