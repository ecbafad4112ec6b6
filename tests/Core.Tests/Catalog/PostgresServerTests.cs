using System.Net.Sockets;
using Npgsql;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>The private PostgreSQL server the catalog's tests run against: databases, a clean stop, a crash.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresServerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CreateDatabaseAsync_NewDatabase_AnswersQueries()
    {
        string connectionString = await postgres.CreateDatabaseAsync("answers");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE t (value int); INSERT INTO t VALUES (6), (7)");
        await using var command = new NpgsqlCommand("SELECT current_database(), (SELECT sum(value) FROM t)", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(new NpgsqlConnectionStringBuilder(connectionString).Database, reader.GetString(0));
        Assert.StartsWith("answers_", reader.GetString(0));
        Assert.Equal(13L, reader.GetInt64(1));
    }

    [Fact]
    public async Task CreateDatabaseAsync_TwoCalls_GiveSeparateDatabases()
    {
        string first = await postgres.CreateDatabaseAsync();
        string second = await postgres.CreateDatabaseAsync();

        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);
        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE only_in_first (id int)");
        }
        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            Assert.Null(await Scalar(connection, "SELECT to_regclass('only_in_first')::text"));
        }
    }

    [Fact]
    public async Task CreateDatabaseAsync_PrefixNotAName_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => postgres.CreateDatabaseAsync("x; DROP DATABASE postgres"));

        Assert.Equal("prefix", error.ParamName);
    }

    [Fact]
    public async Task KillAsync_MidTransaction_QueriesFailUntilStartAgainKeepsOnlyCommittedRows()
    {
        PostgresServer server = postgres.Server;
        // Unpooled: each open is a new connection, so what fails is the server, never a connection kept from before.
        string connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("crash")) { Pooling = false }.ConnectionString;
        await using var open = new NpgsqlConnection(connectionString);
        await open.OpenAsync();
        await Execute(open, "CREATE TABLE rows (name text); INSERT INTO rows VALUES ('committed')");
        await using var transaction = await open.BeginTransactionAsync();
        await Execute(open, "INSERT INTO rows VALUES ('in flight')");

        await server.KillAsync();
        try
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => transaction.CommitAsync());
            await using var refused = new NpgsqlConnection(connectionString);
            var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
            Assert.IsType<SocketException>(error.InnerException);
        }
        finally
        {
            // The collection's other tests share this server.
            await server.StartAgainAsync();
        }

        await using var after = new NpgsqlConnection(connectionString);
        await after.OpenAsync();
        Assert.Equal("committed", await Scalar(after, "SELECT string_agg(name, ',') FROM rows"));
    }

    [Fact]
    public async Task StopAsync_Twice_SucceedsAndStartAgainKeepsData()
    {
        PostgresServer server = postgres.Server;
        string connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("stop")) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1), (2)");
        }

        try
        {
            await server.StopAsync();
            await server.StopAsync();
        }
        finally
        {
            await server.StartAgainAsync();
        }

        await using var reopened = new NpgsqlConnection(connectionString);
        await reopened.OpenAsync();
        Assert.Equal(2L, await Scalar(reopened, "SELECT count(*) FROM kept"));
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_LeavesNoProcessOrFolder()
    {
        PostgresServer server = await PostgresServer.StartAsync();
        string directory = server.Directory;
        Assert.NotEmpty(ProcessTable.Mentioning(directory));

        await server.DisposeAsync();

        Assert.Empty(ProcessTable.Mentioning(directory));
        Assert.False(Directory.Exists(directory));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        object? value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
