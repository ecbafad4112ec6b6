using Npgsql;
using VideoSearch.TestSupport;

namespace VideoSearch.Bench.Indexers;

/// <summary>
/// Gives each measured run an empty catalog of its own, on a quiet server: before the run the PostgreSQL server
/// checkpoints (so the previous runs' dirty pages are not written out in the middle of this one, whichever catalog it
/// uses), and after it the catalog is deleted.
/// </summary>
internal sealed class FreshCatalogs(PostgresServer server, string work)
{
    private int _runs;

    /// <summary>Runs <paramref name="measure"/> on a new SQLite catalog (<paramref name="shared"/> false) or PostgreSQL database.</summary>
    public async Task<T> RunAsync<T>(bool shared, Func<CatalogStore, Task<T>> measure, CancellationToken token)
    {
        string directory = Path.Combine(work, $"run-{++_runs}");
        CatalogStore store = shared ? await CatalogStore.PostgresAsync(server, directory, token) : CatalogStore.Sqlite(directory);
        try
        {
            await CheckpointAsync(token);
            return await measure(store);
        }
        finally
        {
            await store.DeleteAsync(token);
        }
    }

    private async Task CheckpointAsync(CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand("CHECKPOINT;", connection);
        await command.ExecuteNonQueryAsync(token);
    }
}
