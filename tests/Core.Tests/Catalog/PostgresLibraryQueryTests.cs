using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary><see cref="LibraryQueryTests"/> against PostgreSQL.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresLibraryQueryTests(PostgresFixture postgres) : LibraryQueryTests
{
    private protected override Task<TempCatalog> NewCatalogAsync(bool withModel = true) => TempCatalog.CreateAsync(postgres, withModel);
}
