using Microsoft.Data.Sqlite;

namespace VideoSearch.Core.Catalog;

/// <summary>Brings one catalog file to <see cref="CatalogMigrations.LatestVersion"/>, refusing files it must not touch.</summary>
internal sealed class SqliteCatalogMigrator(SqliteConnection connection, string databasePath)
{
    public const int PageSize = 16384;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Reading the header first also turns a non-SQLite file into an error before anything is written.
        int version = await ScalarIntAsync("PRAGMA user_version;", null, cancellationToken).ConfigureAwait(false);
        CheckVersion(version);
        if (version == CatalogMigrations.LatestVersion)
        {
            await CheckApplicationIdAsync(null, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The page size only takes effect on a file still empty (no-op otherwise), so it comes before anything
        // writes. 16 KiB pages suit the catalog's rows: a 50 KB context spans 4 overflow pages instead of 13, and
        // seven ~2.1 KB clip rows share a page instead of one per 4 KiB page, halving the index-rebuild scan.
        if (version == 0)
            await ExecuteAsync($"PRAGMA page_size={PageSize};", null, cancellationToken).ConfigureAwait(false);

        // journal_mode cannot change inside a transaction; WAL is a property of the file and persists.
        await ExecuteAsync("PRAGMA journal_mode=WAL;", null, cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: a second process migrating at the same moment waits here, then finds the work done.
        using var transaction = connection.BeginTransaction(deferred: false);
        version = await ScalarIntAsync("PRAGMA user_version;", transaction, cancellationToken).ConfigureAwait(false);
        CheckVersion(version);
        if (version == 0) await CheckEmptyAsync(transaction, cancellationToken).ConfigureAwait(false);
        else await CheckApplicationIdAsync(transaction, cancellationToken).ConfigureAwait(false);

        for (int next = version; next < CatalogMigrations.LatestVersion; next++)
            await ExecuteAsync(CatalogMigrations.Scripts[next], transaction, cancellationToken).ConfigureAwait(false);

        await ExecuteAsync($"PRAGMA application_id={CatalogMigrations.ApplicationId}; " +
            $"PRAGMA user_version={CatalogMigrations.LatestVersion};", transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void CheckVersion(int version)
    {
        if (version > CatalogMigrations.LatestVersion)
            throw new CatalogSchemaTooNewException(databasePath, version, CatalogMigrations.LatestVersion);
        if (version < 0)
            throw new CatalogException(databasePath, $"Invalid catalog schema version {version}");
    }

    private async Task CheckEmptyAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        int objects = await ScalarIntAsync("SELECT count(*) FROM sqlite_master;", transaction, cancellationToken)
            .ConfigureAwait(false);
        if (objects != 0)
            throw new CatalogException(databasePath,
                "The file is a SQLite database of another application (it has tables but no catalog schema version)");
    }

    private async Task CheckApplicationIdAsync(SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        int applicationId = await ScalarIntAsync("PRAGMA application_id;", transaction, cancellationToken)
            .ConfigureAwait(false);
        if (applicationId != CatalogMigrations.ApplicationId)
            throw new CatalogException(databasePath,
                $"The file is a SQLite database of another application (application_id {applicationId})");
    }

    private async Task<int> ScalarIntAsync(string sql, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
