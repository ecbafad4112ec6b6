namespace VideoSearch.TestSupport;

/// <summary>
/// One private <see cref="PostgresServer"/> for a test collection: started once (initdb takes a second or two), shared
/// by the collection's tests, each of which takes its own database with <see cref="CreateDatabaseAsync"/>.
/// xunit looks for collection definitions only in the test assembly, so each test project declares the collection
/// itself:
/// <code>
/// [CollectionDefinition(PostgresFixture.CollectionName)]
/// public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;;
/// </code>
/// and its test classes take the fixture in their constructor under <c>[Collection(PostgresFixture.CollectionName)]</c>.
/// The collection's tests run one at a time, so a test may stop or kill the server as long as it starts it again.
/// </summary>
public sealed class PostgresFixture : Xunit.IAsyncLifetime
{
    /// <summary>The name test projects give their PostgreSQL collection.</summary>
    public const string CollectionName = "postgres";

    private PostgresServer? _server;

    /// <summary>The collection's server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("the PostgreSQL fixture has not started");

    /// <inheritdoc cref="PostgresServer.CreateDatabaseAsync"/>
    public Task<string> CreateDatabaseAsync(string? prefix = null) => Server.CreateDatabaseAsync(prefix);

    /// <inheritdoc/>
    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
    }
}
