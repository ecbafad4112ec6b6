using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>Preview strips in what only a SQLite file can hold: rows edited with foreign keys off, a version 2 schema.</summary>
public class SqliteClipPreviewTests
{
    [Fact]
    public async Task ListPreviewsWithoutClipAsync_ClipDeletedWithForeignKeysOff_ListsItsPreview()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata,
            [TempCatalog.Clip(0) with { PreviewJpeg = TempCatalog.Jpeg(100) }, TempCatalog.Clip(1) with { PreviewJpeg = TempCatalog.Jpeg(101) }]);
        // What the sqlite3 shell does by default: no foreign keys, so no cascade.
        await using (var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False;Foreign Keys=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM clips WHERE id = {done.NewClipIds[1]};";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal([done.NewClipIds[1]], await temp.Catalog.Clips.ListPreviewsWithoutClipAsync());
    }

    [Fact]
    public async Task OpenAsync_Version2CatalogWithAClip_MigratesAndTheClipHasNoPreview()
    {
        // A catalog as version 2 wrote it: one indexed video with one clip and its thumbnail, no preview table.
        string directory = await TempCatalog.CreateAtVersionAsync(2,
            "INSERT INTO clips (id, video_id, clip_index, start_s, end_s, frame_times, embedding) VALUES (7, 1, 0, 0, 4, x'00', x'00');" +
            "INSERT INTO clip_thumbnails (clip_id, jpeg) VALUES (7, x'FFD8FFD9');");

        using (VideoCatalog catalog = await VideoCatalog.OpenAsync(directory))
        {
            await using var connection = (SqliteConnection)await catalog.Database.OpenConnectionAsync(default);
            using var version = connection.CreateCommand();
            version.CommandText = "PRAGMA user_version;";
            Assert.Equal((long)CatalogMigrations.LatestVersion, await version.ExecuteScalarAsync());
            Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], await catalog.Clips.GetThumbnailAsync(7));
            Assert.Null(await catalog.Clips.GetPreviewAsync(7));
            Assert.Empty(await catalog.Clips.ListPreviewsWithoutClipAsync());
        }
        Directory.Delete(directory, recursive: true);
    }
}
