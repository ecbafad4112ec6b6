namespace VideoSearch.Core.Catalog;

/// <summary>
/// The library catalog, the source of truth of what is indexed: one opened database and its repositories.
/// Register one instance per process; every member is safe to call concurrently (each call uses its own
/// pooled connection).
/// </summary>
public sealed class VideoCatalog : IDisposable
{
    private VideoCatalog(CatalogDatabase database)
    {
        Database = database;
        Roots = new LibraryRootRepository(database);
        Videos = new VideoRepository(database);
        Writer = new IndexedVideoWriter(database);
        Clips = new ClipRepository(database);
        Candidates = new CandidateRepository(database);
        Model = new ModelStateRepository(database);
        Stats = new LibraryStatsQuery(database);
        Library = new LibraryQuery(database);
    }

    /// <summary>The opened database file.</summary>
    public CatalogDatabase Database { get; }

    /// <summary>Library root folders.</summary>
    public LibraryRootRepository Roots { get; }

    /// <summary>Video rows and their state changes.</summary>
    public VideoRepository Videos { get; }

    /// <summary>Stores a video's clips atomically.</summary>
    public IndexedVideoWriter Writer { get; }

    /// <summary>Clip reads for search and index rebuilds.</summary>
    public ClipRepository Clips { get; }

    /// <summary>Search's reads: re-ranking candidates, clips by id, filters.</summary>
    public CandidateRepository Candidates { get; }

    /// <summary>The model the stored vectors belong to.</summary>
    public ModelStateRepository Model { get; }

    /// <summary>Library counts.</summary>
    public LibraryStatsQuery Stats { get; }

    /// <summary>Browsing the indexed library: the paged listing and the indexed paths.</summary>
    public LibraryQuery Library { get; }

    /// <summary>Opens the catalog in <paramref name="directory"/> (see <see cref="CatalogDatabase.OpenAsync"/>).</summary>
    /// <exception cref="CatalogException">The file cannot be used as a catalog.</exception>
    public static async Task<VideoCatalog> OpenAsync(string directory, CancellationToken cancellationToken = default) =>
        new(await CatalogDatabase.OpenAsync(directory, cancellationToken).ConfigureAwait(false));

    /// <summary>Releases the database file.</summary>
    public void Dispose() => Database.Dispose();
}
