namespace VideoSearch.Core.Catalog;

/// <summary>
/// The library catalog, the source of truth of what is indexed: one opened database and its repositories.
/// Register one instance per process; every member is safe to call concurrently (each call uses its own
/// pooled connection).
/// </summary>
public sealed class VideoCatalog : IDisposable
{
    private VideoCatalog(CatalogDatabase database, string libraryDirectory)
    {
        Database = database;
        LibraryDirectory = libraryDirectory;
        var owner = LeaseOwner.ForThisProcess();
        Claims = new VideoClaimRepository(database, owner);
        Changes = new ClipChangeRepository(database);
        RootPaths = new LibraryRootPaths();
        Roots = new LibraryRootRepository(database, RootPaths);
        Videos = new VideoRepository(database, owner, RootPaths);
        Writer = new IndexedVideoWriter(database, owner);
        Clips = new ClipRepository(database, RootPaths);
        Candidates = new CandidateRepository(database, RootPaths);
        Model = new ModelStateRepository(database);
        Stats = new LibraryStatsQuery(database, RootPaths);
        Library = new LibraryQuery(database, RootPaths);
    }

    /// <summary>The opened database: the library's SQLite file, or a shared PostgreSQL database.</summary>
    public CatalogDatabase Database { get; }

    /// <summary>
    /// This machine's library folder: the SQLite file's folder, and in every case where the vector index file, the
    /// library lock and other machine-local files live.
    /// </summary>
    public string LibraryDirectory { get; }

    /// <summary>Where this machine has the library's roots: every path the catalog hands out is this machine's.</summary>
    public LibraryRootPaths RootPaths { get; }

    /// <summary>Claiming pending videos under leases, so several indexers share the work.</summary>
    public VideoClaimRepository Claims { get; }

    /// <summary>The numbered clip changes search nodes follow.</summary>
    public ClipChangeRepository Changes { get; }

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

    /// <summary>Opens the SQLite catalog in <paramref name="directory"/> (see <see cref="SqliteCatalogDatabase.OpenAsync"/>).</summary>
    /// <exception cref="CatalogException">The file cannot be used as a catalog.</exception>
    public static async Task<VideoCatalog> OpenAsync(string directory, CancellationToken cancellationToken = default) =>
        await OpenAsync(directory, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Opens the catalog: the PostgreSQL database <paramref name="catalog"/> names when it is given, else the SQLite
    /// file in <paramref name="directory"/>, which is this machine's library folder either way.
    /// </summary>
    /// <exception cref="CatalogException">The catalog cannot be opened or used.</exception>
    public static async Task<VideoCatalog> OpenAsync(string directory, string? catalog, CancellationToken cancellationToken = default)
    {
        string libraryDirectory = Path.GetFullPath(directory);
        CatalogDatabase database = string.IsNullOrWhiteSpace(catalog)
            ? await SqliteCatalogDatabase.OpenAsync(libraryDirectory, cancellationToken).ConfigureAwait(false)
            : await PostgresCatalogDatabase.OpenAsync(catalog, cancellationToken).ConfigureAwait(false);
        return new VideoCatalog(database, libraryDirectory);
    }

    /// <summary>Releases the database file.</summary>
    public void Dispose() => Database.Dispose();
}
