using Npgsql;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>What the PostgreSQL tests do beside the catalog: plain statements, and watching its sessions wait for locks.</summary>
internal static class PostgresSessions
{
    // A loaded machine can take seconds to get a statement to the server; a minute means it is stuck.
    private static readonly TimeSpan s_waitLimit = TimeSpan.FromSeconds(60);

    /// <summary>Opens an unpooled connection, so that what a test kills or blocks never reaches the catalog's pool.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own and returns the first value.</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using NpgsqlConnection connection = await OpenAsync(connectionString);
        return await ScalarAsync(connection, sql);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Waits until <paramref name="waiters"/> sessions of the database wait for a lock. If one of
    /// <paramref name="running"/> ends first, it did not wait: its outcome (an exception) is what to see.
    /// </summary>
    public static async Task WaitForLockWaitersAsync(string connectionString, int waiters, params Task[] running)
    {
        // A connection of its own, outside any transaction: within one, the server shows one snapshot of the sessions.
        await using NpgsqlConnection observer = await OpenAsync(connectionString);
        var deadline = DateTime.UtcNow + s_waitLimit;
        while ((long)(await ScalarAsync(observer, LockWaitersSql("count(*)")))! < waiters)
        {
            foreach (Task task in running.Where(t => t.IsCompleted)) await task;
            Assert.True(DateTime.UtcNow < deadline, $"{waiters} sessions did not come to wait for a lock in {s_waitLimit}");
            await Task.Delay(20);
        }
    }

    /// <summary>A query of <paramref name="columns"/> over the sessions of the current database that wait for a lock.</summary>
    public static string LockWaitersSql(string columns) =>
        $"SELECT {columns} FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
}
