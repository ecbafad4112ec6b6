namespace VideoSearch.Core.Catalog;

/// <summary>
/// The catalog was written by a newer VideoSearch: its schema version is above the newest this build knows, so
/// the file is left untouched rather than risk damaging data this build does not understand.
/// </summary>
public sealed class CatalogSchemaTooNewException : CatalogException
{
    /// <summary>Creates the exception for the catalog at <paramref name="databasePath"/>.</summary>
    public CatalogSchemaTooNewException(string databasePath, int foundVersion, int supportedVersion)
        : base(databasePath,
            $"Catalog schema version {foundVersion} is newer than the newest this build supports ({supportedVersion}); " +
            "upgrade VideoSearch to open it")
    {
        FoundVersion = foundVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The schema version stored in the file.</summary>
    public int FoundVersion { get; }

    /// <summary>The newest schema version this build can open.</summary>
    public int SupportedVersion { get; }
}
