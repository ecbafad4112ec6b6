using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>Damaged catalog files give <see cref="CatalogCorruptException"/> with the recovery steps, on open or on a query.</summary>
public sealed class CatalogCorruptionTests : IDisposable
{
    private readonly string _directory = TempCatalog.NewDirectory();

    private string DatabasePath => Path.Combine(_directory, SqliteCatalogDatabase.FileName);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task OpenAsync_RandomBytes_ThrowsCorruptWithRecoveryText()
    {
        Directory.CreateDirectory(_directory);
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(DatabasePath, bytes);

        var error = await Assert.ThrowsAsync<CatalogCorruptException>(() => VideoCatalog.OpenAsync(_directory));

        Assert.Equal(ErrorKind.Corrupt, error.Kind);
        Assert.Contains($"videosearch verify --db {_directory}", error.Message);
        Assert.Contains("re-index from the media", error.Message);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(DatabasePath)); // nothing was written over it
    }

    [Fact]
    public async Task Query_TablePagesOverwritten_ThrowsCorrupt()
    {
        int pageSize = await CreateCatalogWithClipsAsync();
        // Page 1 (header and schema) stays, so the catalog opens; every table page after it becomes garbage.
        await using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.ReadWrite))
        {
            var garbage = new byte[file.Length - pageSize];
            new Random(11).NextBytes(garbage);
            file.Position = pageSize;
            file.Write(garbage);
        }

        using VideoCatalog catalog = await VideoCatalog.OpenAsync(_directory);

        var error = await Assert.ThrowsAsync<CatalogCorruptException>(() => catalog.Stats.GetAsync());
        Assert.Contains("The catalog is damaged", error.Message);
        await Assert.ThrowsAsync<CatalogCorruptException>(async () =>
        {
            await foreach (ClipEmbedding _ in catalog.Clips.StreamEmbeddingsAsync()) { }
        });
    }

    [Fact]
    public async Task OpenAsync_FileTruncatedMidPage_ThrowsCorrupt()
    {
        int pageSize = await CreateCatalogWithClipsAsync();
        await using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.ReadWrite))
        {
            Assert.True(file.Length > 3 * pageSize, "the test catalog must span several pages");
            file.SetLength(pageSize + pageSize / 2);
        }

        // Opening reads the schema, which already meets the missing pages.
        var error = await Assert.ThrowsAsync<CatalogCorruptException>(() => VideoCatalog.OpenAsync(_directory));

        Assert.Equal(DatabasePath, error.DatabasePath);
        Assert.Contains("database disk image is malformed", error.Message);
    }

    /// <summary>A closed catalog with a video of 40 clips, everything checkpointed into the main file; returns the page size.</summary>
    private async Task<int> CreateCatalogWithClipsAsync()
    {
        using (VideoCatalog catalog = await VideoCatalog.OpenAsync(_directory))
        {
            await catalog.Model.SetAsync(TempCatalog.TinyModel);
            RootId root = await catalog.Roots.AddAsync(Path.Combine(_directory, "media"));
            VideoId video = await catalog.Videos.BeginVideoAsync(root, "a.mp4", new FileIdentity(1000, 42, "v1:abc"));
            await catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
                Enumerable.Range(0, 40).Select(i => TempCatalog.Clip(i)).ToList());
        }
        // Closing the last connection checkpoints the WAL into catalog.db; a truncating checkpoint makes sure.
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
