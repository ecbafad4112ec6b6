using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// A library shared through a PostgreSQL catalog, for one test: a copy of test media in a unique temporary folder, a
/// database of its own on the collection's server, a library folder per indexer (<c>--db</c>, which holds no catalog
/// then), the SQL the tests judge the catalog by, and a single SQLite run over the same media to compare with.
/// The folder is deleted on dispose; the database stays on the throwaway server.
/// </summary>
internal sealed class SharedLibrary : IDisposable
{
    private static readonly TimeSpan s_sqliteRunLimit = TimeSpan.FromSeconds(240);

    private SharedLibrary(string root, string catalog)
    {
        Root = root;
        Catalog = catalog;
    }

    /// <summary>The unique folder; every path of this test lies under it, so processes mentioning it are this test's.</summary>
    public string Root { get; }

    /// <summary>The media folder every indexer of the test is given.</summary>
    public string Media => Path.Combine(Root, "media");

    /// <summary>The catalog's connection string (<c>--catalog</c>).</summary>
    public string Catalog { get; }

    /// <summary>The library folder (<c>--db</c>) of the indexer or checker called <paramref name="node"/>.</summary>
    public string NodeDatabase(string node) => Path.Combine(Root, "nodes", node);

    /// <summary>
    /// Copies <paramref name="files"/> (paths under the test media; all of it, sub-folders included, when null) into a
    /// new folder and creates the catalog's database on <paramref name="postgres"/>'s server.
    /// </summary>
    public static async Task<SharedLibrary> CreateAsync(PostgresFixture postgres, IEnumerable<string>? files = null)
    {
        string catalog = await postgres.CreateDatabaseAsync("shared");
        var library = new SharedLibrary(Directory.CreateTempSubdirectory("vs-shared-").FullName, catalog);
        var source = new DirectoryInfo(Fixtures.Media);
        IEnumerable<string> names = files ?? source.EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source.FullName, f.FullName));
        foreach (string name in names)
        {
            string target = Path.Combine(library.Media, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source.FullName, name), target);
        }
        return library;
    }

    /// <summary><c>index &lt;media&gt; --catalog … --db &lt;node's folder&gt; --model …</c> plus <paramref name="extra"/>.</summary>
    public string[] IndexArguments(string node, params string[] extra) =>
        ["index", Media, "--catalog", Catalog, "--db", NodeDatabase(node), "--model", TempLibrary.Model, .. extra];

    /// <summary>Runs <c>videosearch verify --catalog … --db …</c>.</summary>
    public Task<(int ExitCode, string Output)> VerifyAsync() =>
        CliProcess.RunAsync(["verify", "--catalog", Catalog, "--db", NodeDatabase("verify")], TimeSpan.FromSeconds(60));

    /// <summary>Every video of the catalog with its status and clip count.</summary>
    public async Task<SortedDictionary<string, VideoContents>> ContentsAsync()
    {
        await using NpgsqlConnection connection = await OpenAsync();
        return await CatalogContents.ReadAsync(connection);
    }

    /// <summary>The one number <paramref name="sql"/> selects (a count).</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using NpgsqlConnection connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// The ids of the videos whose lease the process <paramref name="pid"/> holds (lease_owner is "machine:pid:random");
    /// none while no indexer has created the schema yet.
    /// </summary>
    public async Task<IReadOnlyList<long>> LeasedByAsync(int pid)
    {
        if (!await SchemaCreatedAsync()) return [];
        await using NpgsqlConnection connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM videos WHERE lease_owner LIKE @owner ORDER BY id;", connection);
        command.Parameters.AddWithValue("owner", $"%:{pid}:%");
        var ids = new List<long>();
        await using NpgsqlDataReader row = await command.ExecuteReaderAsync();
        while (await row.ReadAsync()) ids.Add(row.GetInt64(0));
        return ids;
    }

    /// <summary>
    /// Waits until the count <paramref name="sql"/> selects satisfies <paramref name="condition"/>; throws when
    /// <paramref name="running"/> ends first or <paramref name="limit"/> passes.
    /// </summary>
    public async Task WaitForCountAsync(string sql, Func<long, bool> condition, CliProcess running, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        long? count;
        while ((count = await CountOnceCreatedAsync(sql)) is not { } created || !condition(created))
        {
            if (running.HasExited)
                throw new InvalidOperationException($"videosearch exited with {running.ExitCode} first ({sql} = {count}):\n{running.Output}");
            if (clock.Elapsed > limit) throw new TimeoutException($"{sql} still {count} after {limit}:\n{running.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Indexes the same media into a SQLite library of its own with one plain <c>index</c>, checks it with
    /// <c>verify --db</c>, and returns its contents: what the shared catalog must hold once its indexers are done.
    /// </summary>
    public async Task<SortedDictionary<string, VideoContents>> IndexIntoSqliteAsync()
    {
        string database = Path.Combine(Root, "sqlite");
        (int code, string output) = await CliProcess.RunAsync(
            ["index", Media, "--db", database, "--model", TempLibrary.Model], s_sqliteRunLimit);
        Assert.True(code == 0, $"the SQLite run exited {code}:\n{output}");
        (int verifyCode, string verifyOutput) = await CliProcess.RunAsync(["verify", "--db", database], TimeSpan.FromSeconds(60));
        Assert.True(verifyCode == 0, $"verify of the SQLite run exited {verifyCode}:\n{verifyOutput}");

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(database, "catalog.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        return await CatalogContents.ReadAsync(connection);
    }

    /// <summary>
    /// Processes still running that mention this test's folder (an ffmpeg a killed indexer left), after a grace of
    /// <paramref name="grace"/>: an orphaned ffmpeg notices its reader is gone at its next write and ends.
    /// </summary>
    public async Task<IReadOnlyList<string>> LeftoverProcessesAsync(TimeSpan grace)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> left = ProcessTable.Mentioning(Root);
        while (left.Count > 0 && clock.Elapsed < grace)
        {
            await Task.Delay(50);
            left = ProcessTable.Mentioning(Root);
        }
        return left;
    }

    /// <summary>The count <paramref name="sql"/> selects, or null while the first indexer has not created the schema yet.</summary>
    private async Task<long?> CountOnceCreatedAsync(string sql) => await SchemaCreatedAsync() ? await CountAsync(sql) : null;

    // The first indexer creates every table in one transaction, the version table with them.
    private async Task<bool> SchemaCreatedAsync() =>
        await CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_name = 'catalog_schema'") > 0;

    // Unpooled: a connection kept across a server kill would fail the next check instead of the program under test.
    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Catalog) { Pooling = false, Timeout = 10 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        // A failed assertion must not leave an ffmpeg of this test running.
        foreach (string entry in ProcessTable.Mentioning(Root)) Posix.Signal(int.Parse(entry[..entry.IndexOf(':')]), Posix.SigKill);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a killed process may still be letting go of a file; the temp folder is cleaned by the system
        }
    }
}
