using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary><see cref="LibraryStatsQueryTests"/> against PostgreSQL.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresLibraryStatsQueryTests(PostgresFixture postgres) : LibraryStatsQueryTests
{
    private protected override Task<TempCatalog> NewCatalogAsync(bool withModel = true) => TempCatalog.CreateAsync(postgres, withModel);
}
