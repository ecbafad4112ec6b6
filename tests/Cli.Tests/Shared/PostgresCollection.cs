namespace VideoSearch.Cli.Tests.Shared;

/// <summary>The tests that share this assembly's private PostgreSQL server (see <see cref="PostgresFixture"/>).</summary>
[CollectionDefinition(PostgresFixture.CollectionName)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
