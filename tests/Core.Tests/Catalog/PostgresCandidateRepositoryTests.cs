using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary><see cref="CandidateRepositoryTests"/> against PostgreSQL.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresCandidateRepositoryTests(PostgresFixture postgres) : CandidateRepositoryTests
{
    private protected override Task<TempCatalog> NewCatalogAsync(bool withModel = true) => TempCatalog.CreateAsync(postgres, withModel);
}
