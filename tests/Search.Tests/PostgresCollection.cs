using VideoSearch.TestSupport;

namespace VideoSearch.Search.Tests;

/// <summary>The tests that share this assembly's private PostgreSQL server (see <see cref="PostgresFixture"/>).</summary>
[CollectionDefinition(PostgresFixture.CollectionName)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
