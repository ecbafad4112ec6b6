using Microsoft.Data.Sqlite;

namespace VideoSearch.Core.Catalog;

/// <summary>Creates commands bound to a connection and, when one is open, its transaction (Microsoft.Data.Sqlite requires both).</summary>
internal static class CatalogCommand
{
    public static SqliteCommand Create(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Reads one column of longs (clip ids) from a query.</summary>
    public static async Task<List<long>> ReadLongsAsync(this SqliteCommand command, CancellationToken cancellationToken)
    {
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) values.Add(reader.GetInt64(0));
        return values;
    }

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
