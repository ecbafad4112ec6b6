using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>Creates commands bound to a connection and, when one is open, its transaction (both drivers require both).</summary>
internal static class CatalogCommand
{
    public static DbCommand Create(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a parameter, named as in the statement (<c>@name</c>, which SQLite and Npgsql both read).</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Reads one column of longs (clip ids) from a query.</summary>
    public static async Task<List<long>> ReadLongsAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) values.Add(reader.GetInt64(0));
        return values;
    }

    /// <summary>A scalar as a long, whatever integer type the driver returns it in.</summary>
    public static async Task<long> ScalarLongAsync(this DbCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
