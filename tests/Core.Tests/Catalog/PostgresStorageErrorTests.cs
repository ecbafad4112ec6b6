using Npgsql;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>What a PostgreSQL server refuses, as the catalog reports it: typed, naming the database, nothing half-done.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresStorageErrorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task OpenAsync_UserWhoMayNotCreateTables_ThrowsPermissionDenied()
    {
        string connectionString = await postgres.CreateDatabaseAsync("denied");
        // Since PostgreSQL 15 only the database owner may create tables in its public schema.
        string role = $"reader_{Guid.NewGuid():N}";
        await PostgresSessions.ScalarAsync(connectionString, $"CREATE ROLE {role} LOGIN");
        string asReader = new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;

        var error = await Assert.ThrowsAsync<CatalogStorageException>(() => VideoCatalog.OpenAsync(TempCatalog.NewDirectory(), asReader));

        Assert.Equal(CatalogStorageReason.PermissionDenied, error.Reason);
        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.Equal(true, await PostgresSessions.ScalarAsync(connectionString, "SELECT to_regclass('catalog_schema') IS NULL"));
    }

    [Fact]
    public async Task Write_DatabaseReadOnly_ThrowsReadOnlyButReadsWork()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        await temp.Catalog.Roots.AddAsync("/library");
        string database = new NpgsqlConnectionStringBuilder(temp.ConnectionString).Database!;
        // What a hot standby does to every session; new sessions get it, so a second instance (a new pool) is opened.
        await PostgresSessions.ScalarAsync(temp.ConnectionString!, $"ALTER DATABASE {database} SET default_transaction_read_only = on");
        using VideoCatalog replica = await temp.OpenAgainAsync();

        var error = await Assert.ThrowsAsync<CatalogStorageException>(() => replica.Roots.AddAsync("/other"));

        Assert.Equal(CatalogStorageReason.ReadOnly, error.Reason);
        Assert.Contains("read-only", error.Message);
        Assert.Equal("/library", Assert.Single(await replica.Roots.ListAsync()).Path);
    }

    [Fact]
    public async Task SetAsync_TwoInstancesSetDifferentModelsAtOnce_OneIsStoredAndTheOtherRefused()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres, withModel: false);
        using VideoCatalog other = await temp.OpenAgainAsync();
        ModelState otherModel = TempCatalog.TinyModel with { Revision = "rev-b" };
        Task first, second;

        // Both writers start while the write lock is held elsewhere, so neither has read the model when they run.
        await using (NpgsqlConnection blocker = await PostgresSessions.OpenAsync(temp.ConnectionString!))
        {
            await PostgresSessions.ScalarAsync(blocker, $"SELECT pg_advisory_lock({PostgresCatalogDatabase.ChangeOrderLockKey})");
            first = Task.Run(() => temp.Catalog.Model.SetAsync(TempCatalog.TinyModel));
            second = Task.Run(() => other.Model.SetAsync(otherModel));
            await PostgresSessions.WaitForLockWaitersAsync(temp.ConnectionString!, 2, first, second);
            await PostgresSessions.ScalarAsync(blocker, $"SELECT pg_advisory_unlock({PostgresCatalogDatabase.ChangeOrderLockKey})");
            await Task.WhenAll(first, second).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        Task refused = Assert.Single(new[] { first, second }, t => t.IsFaulted);
        Assert.Contains("re-embedding", Assert.IsType<CatalogException>(refused.Exception!.InnerException).Message);
        Assert.Equal(refused == first ? otherModel : TempCatalog.TinyModel, await temp.Catalog.Model.GetAsync());
    }
}
