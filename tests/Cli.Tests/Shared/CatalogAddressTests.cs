using Npgsql;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// What a user meets who points <c>index --catalog</c> at the wrong place: a mistyped connection string, a server that
/// is not running, a database that does not exist or belongs to another application. Each is one line on stderr that
/// says what is wrong, with its own exit code and no stack trace, before any model is loaded; another application's
/// tables are left as they were.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class CatalogAddressTests(PostgresFixture postgres) : IDisposable
{
    private const int FailedCode = 1, UsageCode = 2, EnvironmentCode = 4;

    /// <summary>Program start and one connection attempt; a refused address must not wait for the indexing to begin.</summary>
    private static readonly TimeSpan s_refusalLimit = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("vs-catalog-address-").FullName;

    [Fact]
    public async Task Index_MistypedKeyword_Exits2SayingItIsNoConnectionStringWithoutThePassword()
    {
        (int code, string output) = await IndexAsync($"Host=127.0.0.1;Port={postgres.Server.Port};Password=hunter2;Databse=videos");

        AssertRefused(code, output, UsageCode, "is not a PostgreSQL connection string");
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_NoDatabaseNamed_Exits2SayingSo()
    {
        (int code, string output) = await IndexAsync($"postgresql://postgres@127.0.0.1:{postgres.Server.Port}");

        AssertRefused(code, output, UsageCode, "names no database (Database=...)");
    }

    [Fact]
    public async Task Index_ServerNotRunning_Exits4SayingTheServerCannotBeReached()
    {
        (int code, string output) = await IndexAsync($"Host=127.0.0.1;Port={TempLibrary.FreePort()};Username=postgres;Database=videos");

        AssertRefused(code, output, EnvironmentCode, "The catalog's database server cannot be reached");
    }

    [Fact]
    public async Task Index_DatabaseMissing_Exits4SayingHowToCreateIt()
    {
        var missing = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = "no_such_catalog" };

        (int code, string output) = await IndexAsync(missing.ConnectionString);

        AssertRefused(code, output, EnvironmentCode, "database \"no_such_catalog\" does not exist");
        Assert.Contains("createdb", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_DatabaseOfAnotherApplication_Exits1AndLeavesItsTablesAlone()
    {
        string other = await postgres.CreateDatabaseAsync("other_app");
        await ScalarAsync(other, "CREATE TABLE customers (id integer PRIMARY KEY, name text); INSERT INTO customers VALUES (1, 'Ada');");

        (int code, string output) = await IndexAsync(other);

        AssertRefused(code, output, FailedCode, "The database belongs to another application");
        Assert.Equal("customers", await ScalarAsync(other,
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public';"));
        Assert.Equal(1L, await ScalarAsync(other, "SELECT count(*) FROM customers;"));
    }

    private Task<(int ExitCode, string Output)> IndexAsync(string catalog) =>
        CliProcess.RunAsync(["index", _folder, "--catalog", catalog, "--db", Path.Combine(_folder, "db"), "--model", TempLibrary.Model],
            s_refusalLimit);

    private static void AssertRefused(int code, string output, int expectedCode, string expectedMessage)
    {
        Assert.True(code == expectedCode, $"exit code {code}, expected {expectedCode}:\n{output}");
        Assert.Contains(expectedMessage, output, StringComparison.Ordinal);
        Assert.StartsWith("error: ", output.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", output, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
