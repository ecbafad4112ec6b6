using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Tests.Catalog;

public class ModelPrecisionColumnTests
{
    [Theory]
    [InlineData(XClipPrecision.Bf16)]
    [InlineData(XClipPrecision.Fp32)]
    public async Task CompleteVideoAsync_WithPrecision_RecordsItOnTheVideo(XClipPrecision precision)
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");

        await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)], precision);

        Assert.Equal(precision, (await temp.Catalog.Videos.GetAsync(video))!.ModelPrecision);
    }

    [Fact]
    public async Task CompleteVideoAsync_Reindexed_ReplacesThePrecision()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync();
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)], XClipPrecision.Bf16);

        await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0, seed: 2)]);

        Assert.Equal(XClipPrecision.Fp32, (await temp.Catalog.Videos.GetAsync(video))!.ModelPrecision);
    }

    [Fact]
    public async Task OpenAsync_Version1CatalogWithIndexedVideo_MigratesAndReadsItAsFp32()
    {
        string directory = TempCatalog.NewDirectory();
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, CatalogDatabase.FileName);
        // A catalog as version 1 wrote it: its schema, one indexed video, no precision column.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = CatalogMigrations.Scripts[0] +
                $"PRAGMA application_id = {CatalogMigrations.ApplicationId}; PRAGMA user_version = 1;" +
                "INSERT INTO library_roots (id, path, added_at_ms) VALUES (1, '/media', 0);" +
                "INSERT INTO videos (id, root_id, relative_path, path, size, mtime_ns, fingerprint, status, model_id, model_revision) " +
                "VALUES (1, 1, 'a.mp4', '/media/a.mp4', 10, 1, 'v1:x', 'indexed', 'test/xclip-tiny', 'rev-a');";
            await command.ExecuteNonQueryAsync();
        }

        using (VideoCatalog catalog = await VideoCatalog.OpenAsync(directory))
        {
            VideoRecord record = (await catalog.Videos.GetAsync(new VideoId(1)))!;
            Assert.Equal("test/xclip-tiny", record.ModelId);
            Assert.Equal(XClipPrecision.Fp32, record.ModelPrecision);
        }
        Directory.Delete(directory, recursive: true);
    }
}
