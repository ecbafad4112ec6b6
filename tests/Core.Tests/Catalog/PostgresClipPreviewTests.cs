using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary><see cref="ClipPreviewTests"/> against PostgreSQL.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresClipPreviewTests(PostgresFixture postgres) : ClipPreviewTests
{
    private protected override Task<TempCatalog> NewCatalogAsync(bool withModel = true) => TempCatalog.CreateAsync(postgres, withModel);
}
