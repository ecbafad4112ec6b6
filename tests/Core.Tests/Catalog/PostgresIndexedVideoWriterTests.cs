using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary><see cref="IndexedVideoWriterTests"/> against PostgreSQL.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresIndexedVideoWriterTests(PostgresFixture postgres) : IndexedVideoWriterTests
{
    private protected override Task<TempCatalog> NewCatalogAsync(bool withModel = true) => TempCatalog.CreateAsync(postgres, withModel);
}
