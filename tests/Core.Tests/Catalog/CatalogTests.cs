namespace VideoSearch.Core.Tests.Catalog;

/// <summary>
/// Tests of the catalog written once for both databases: the class itself runs them against SQLite, and a subclass in
/// the PostgreSQL collection (<c>Postgres...Tests</c>) runs them again against a real server by overriding
/// <see cref="NewCatalogAsync"/>.
/// </summary>
public abstract class CatalogTests
{
    /// <summary>A new, empty catalog of the database under test, with the tiny test model set unless told otherwise.</summary>
    private protected virtual Task<TempCatalog> NewCatalogAsync(bool withModel = true) => TempCatalog.CreateAsync(withModel);
}
