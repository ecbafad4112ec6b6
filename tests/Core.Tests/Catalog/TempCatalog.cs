using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>
/// A catalog with a fresh temporary library folder, deleted afterwards: the SQLite file in that folder, or a new
/// database on the test PostgreSQL server. Plus the test model and clip builders.
/// </summary>
internal sealed class TempCatalog : IAsyncDisposable
{
    // The tiny test model's shapes: projection_dim 40, 16 patches (32 px images, 8 px patches).
    public static readonly ModelState TinyModel = new("test/xclip-tiny", "rev-a", 40, 16, 40);

    private TempCatalog(string directory, string? connectionString, VideoCatalog catalog)
    {
        Directory = directory;
        ConnectionString = connectionString;
        Catalog = catalog;
    }

    public string Directory { get; }

    /// <summary>The PostgreSQL database's connection string, or null for the SQLite file in <see cref="Directory"/>.</summary>
    public string? ConnectionString { get; }

    public VideoCatalog Catalog { get; }

    public string DatabasePath => Path.Combine(Directory, SqliteCatalogDatabase.FileName);

    public static string NewDirectory() =>
        Path.Combine(Path.GetTempPath(), "videosearch-catalog-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// A new folder holding a catalog as schema <paramref name="version"/> wrote it: that version's migration scripts
    /// and stamp, one library root and one indexed video (id 1, <c>a.mp4</c>), then <paramref name="rows"/> (SQL).
    /// For migration tests, which open it with the current code; the caller deletes the folder.
    /// </summary>
    public static async Task<string> CreateAtVersionAsync(int version, string rows = "")
    {
        string directory = NewDirectory();
        System.IO.Directory.CreateDirectory(directory);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteCatalogDatabase.FileName)};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat(CatalogMigrations.Scripts.Take(version)) +
            $"PRAGMA application_id = {CatalogMigrations.ApplicationId}; PRAGMA user_version = {version};" +
            "INSERT INTO library_roots (id, path, added_at_ms) VALUES (1, '/media', 0);" +
            "INSERT INTO videos (id, root_id, relative_path, path, size, mtime_ns, fingerprint, status, model_id, model_revision) " +
            "VALUES (1, 1, 'a.mp4', '/media/a.mp4', 10, 1, 'v1:x', 'indexed', 'test/xclip-tiny', 'rev-a');" + rows;
        await command.ExecuteNonQueryAsync();
        return directory;
    }

    /// <summary>A new SQLite catalog.</summary>
    public static Task<TempCatalog> CreateAsync(bool withModel = true) => OpenAsync(null, withModel);

    /// <summary>A new catalog in a database of its own on <paramref name="postgres"/>'s server.</summary>
    public static async Task<TempCatalog> CreateAsync(PostgresFixture postgres, bool withModel = true) =>
        await OpenAsync(await postgres.CreateDatabaseAsync("catalog"), withModel);

    private static async Task<TempCatalog> OpenAsync(string? connectionString, bool withModel)
    {
        string directory = NewDirectory();
        VideoCatalog catalog = await VideoCatalog.OpenAsync(directory, connectionString);
        if (withModel) await catalog.Model.SetAsync(TinyModel);
        return new TempCatalog(directory, connectionString, catalog);
    }

    /// <summary>Another catalog instance on the same database, as a second process would open it; the caller disposes it.</summary>
    public Task<VideoCatalog> OpenAgainAsync() => VideoCatalog.OpenAsync(Directory, ConnectionString);

    /// <summary>Adds a root and a pending video under it.</summary>
    public async Task<(RootId Root, VideoId Video)> AddVideoAsync(string relativePath, string fingerprint = "v1:abc")
    {
        RootId root = await Catalog.Roots.AddAsync(Path.Combine(Directory, "media"));
        VideoId video = await Catalog.Videos.BeginVideoAsync(root, relativePath, new FileIdentity(1000, 42, fingerprint));
        return (root, video);
    }

    /// <summary>
    /// Records the file at <paramref name="relativePath"/> under <paramref name="root"/>, modified at
    /// <paramref name="modifiedUnixNs"/>, and stores <paramref name="clips"/> for it with <paramref name="metadata"/>
    /// (<see cref="Metadata"/> when null).
    /// </summary>
    public async Task<(VideoId Video, CompletedVideo Done)> IndexVideoAsync(RootId root, string relativePath, NewClip[] clips,
        VideoMetadata? metadata = null, long modifiedUnixNs = 42)
    {
        VideoId video = await Catalog.Videos.BeginVideoAsync(root, relativePath,
            new FileIdentity(1000, modifiedUnixNs, "v1:" + relativePath));
        CompletedVideo done = await Catalog.Writer.CompleteVideoAsync(video, metadata ?? Metadata, clips);
        return (video, done);
    }

    /// <summary>A valid clip for <see cref="TinyModel"/> whose values are derived from <paramref name="seed"/>.</summary>
    public static NewClip Clip(int index, int seed = 1, ModelState? model = null)
    {
        model ??= TinyModel;
        var random = new Random(seed * 1000 + index);
        float[] embedding = Enumerable.Range(0, model.EmbeddingDim).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] context = Enumerable.Range(0, model.ContextLength).Select(_ => (float)random.NextDouble() * 4 - 2).ToArray();
        return new NewClip(index, index * 2.0, index * 2.0 + 2.0, [index * 2.0 + 0.5, index * 2.0 + 1.5], embedding,
            context, Jpeg(index));
    }

    /// <summary>Bytes that start and end like a JPEG (SOI/APP0 ... EOI); the catalog stores them unchanged.</summary>
    public static byte[] Jpeg(int marker) => [0xFF, 0xD8, 0xFF, 0xE0, (byte)marker, 0x01, 0x02, 0xFF, 0xD9];

    public static readonly VideoMetadata Metadata = new(12.5, 25, 320, 240, 0, "h264", "aac");

    public ValueTask DisposeAsync()
    {
        Catalog.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; it must not fail the test that used it.
        }
        return ValueTask.CompletedTask;
    }
}
