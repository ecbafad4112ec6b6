using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace VideoSearch.TestSupport;

/// <summary>
/// A private, real PostgreSQL server in a fresh temporary folder, run through <c>scripts/postgres</c> (fsync on, so a
/// killed server loses only what was not committed). Each test takes its own database from
/// <see cref="CreateDatabaseAsync"/>. Disposing stops the server and deletes the folder.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable, IDisposable
{
    // initdb and a start take a second or two; a minute more allows for a loaded machine.
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromSeconds(90);

    private readonly string _adminConnectionString;
    private int _disposed;

    private PostgresServer(string directory, string connectionString)
    {
        Directory = directory;
        ConnectionString = connectionString;
        Port = new NpgsqlConnectionStringBuilder(connectionString).Port;
        // Unpooled, so that a connection left idle across a kill never reaches the harness's own commands.
        _adminConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        // A server nobody disposed would outlive the test host; this stops it when the host exits normally.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The folder holding the cluster, its log (<c>postgres.log</c>) and its unix socket.</summary>
    public string Directory { get; }

    /// <summary>The server's TCP port on 127.0.0.1; it stays the same across <see cref="StartAgainAsync"/>.</summary>
    public int Port { get; }

    /// <summary>A connection string to the <c>postgres</c> database, as the <c>postgres</c> superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a cluster in a new temporary folder and starts it on a free port.</summary>
    /// <exception cref="InvalidOperationException">The server could not start; the message is the script's.</exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"videosearch-postgres-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            string connectionString = await RunScriptAsync(cancellationToken, "start", directory);
            return new PostgresServer(directory, connectionString);
        }
        catch
        {
            // A start can fail after the server came up (it never accepted connections): leave nothing behind.
            try
            {
                await RunScriptAsync(CancellationToken.None, "kill", directory);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // The start's own error is the one worth reporting.
            }
            DeleteFolder(directory);
            throw;
        }
    }

    /// <summary>
    /// Creates a new, uniquely named database and returns its connection string. <paramref name="prefix"/> (lower-case
    /// letters, digits and underscores, at most 30, starting with a letter) names it for the server's log.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not such a name.</exception>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        prefix ??= "test";
        if (!DatabasePrefix().IsMatch(prefix))
        {
            throw new ArgumentException(
                $"'{prefix}' is not a database name prefix: use 1 to 30 lower-case letters, digits or underscores, starting with a letter",
                nameof(prefix));
        }
        string name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        // CREATE DATABASE takes no parameters; the name is checked above and needs no quoting.
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server cleanly (open transactions roll back). Succeeds if it is already stopped.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        RunScriptAsync(cancellationToken, "stop", Directory);

    /// <summary>
    /// Stops the server at once, as a crash would: clients see their connections break mid-transaction and the next
    /// start runs crash recovery. Connections pooled before it are dead; a pool hands them out until they fail.
    /// </summary>
    public Task KillAsync(CancellationToken cancellationToken = default) =>
        RunScriptAsync(cancellationToken, "kill", Directory);

    /// <summary>Starts the same cluster again on the same port (after <see cref="StopAsync"/> or <see cref="KillAsync"/>).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        string connectionString = await RunScriptAsync(cancellationToken, "start", Directory, Port.ToString());
        if (connectionString != ConnectionString)
        {
            throw new InvalidOperationException($"the restarted server answers at {connectionString}, not {ConnectionString}");
        }
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            await StopAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // A server that will not stop cleanly must still not outlive the tests (this throws if even that fails).
            await KillAsync();
        }
        DeleteFolder(Directory);
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void OnProcessExit(object? sender, EventArgs e) => KillAsync().GetAwaiter().GetResult();

    /// <summary>Runs <c>scripts/postgres</c> and returns what it printed on stdout (trimmed).</summary>
    private static async Task<string> RunScriptAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        string script = Path.Combine(Fixtures.RepositoryRoot, "scripts", "postgres");
        // Through bash, so that a checkout that lost the executable bit still works.
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        foreach (string argument in arguments) startInfo.ArgumentList.Add(argument);
        string commandLine = $"scripts/postgres {string.Join(' ', arguments)}";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{commandLine} did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_scriptTimeout);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(stdout, stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new TimeoutException($"{commandLine} did not finish in {s_scriptTimeout.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{commandLine} failed (exit code {process.ExitCode}): {(await stderr).Trim()}");
        }
        return (await stdout).Trim();
    }

    private static void DeleteFolder(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless once its server has stopped; it must not fail the tests.
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,29}$")]
    private static partial Regex DatabasePrefix();
}
