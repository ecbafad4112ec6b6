using System.Diagnostics;
using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class CatalogConcurrencyTests
{
    [Fact]
    public async Task Reader_DuringOpenWriteTransaction_SeesLastCommitWithoutWaiting()
    {
        await using TempCatalog writer = await TempCatalog.CreateAsync();
        var (_, video) = await writer.AddVideoAsync("a.mp4");
        await writer.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        // A second catalog instance on the same file stands for the search process.
        using VideoCatalog reader = await VideoCatalog.OpenAsync(writer.Directory);

        await using var connection = (SqliteConnection)await writer.Catalog.Database.OpenConnectionAsync(default);
        using (SqliteTransaction transaction = connection.BeginTransaction(deferred: false))
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM clips;";
            delete.ExecuteNonQuery();

            var watch = Stopwatch.StartNew();
            LibraryStats during = await reader.Stats.GetAsync();
            List<ClipEmbedding> embeddings = await IndexedVideoWriterTests.ToListAsync(reader.Clips.StreamEmbeddingsAsync());
            watch.Stop();

            Assert.Equal(1L, during.Clips);
            Assert.Single(embeddings);
            // WAL readers never wait for the writer; the 5 s busy timeout would show if they did.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"reader waited {watch.Elapsed}");
            transaction.Commit();
        }

        Assert.Equal(0L, (await reader.Stats.GetAsync()).Clips);
    }

    [Fact]
    public async Task CompleteVideoAsync_ConcurrentWritersFromTwoInstances_BothCommit()
    {
        await using TempCatalog first = await TempCatalog.CreateAsync();
        using VideoCatalog second = await VideoCatalog.OpenAsync(first.Directory);
        var (root, a) = await first.AddVideoAsync("a.mp4");
        VideoId b = await second.Videos.BeginVideoAsync(root, "b.mp4", new FileIdentity(1, 1, "v1:b"));
        NewClip[] clips = Enumerable.Range(0, 20).Select(i => TempCatalog.Clip(i)).ToArray();

        // BEGIN IMMEDIATE plus the busy timeout make the second writer wait for the first instead of failing.
        await Task.WhenAll(
            Task.Run(() => first.Catalog.Writer.CompleteVideoAsync(a, TempCatalog.Metadata, clips)),
            Task.Run(() => second.Writer.CompleteVideoAsync(b, TempCatalog.Metadata, clips)));

        Assert.Equal(40L, await first.Catalog.Clips.CountAsync());
    }
}
