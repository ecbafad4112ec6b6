using Npgsql;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>The PostgreSQL server dies while the catalog writes: a typed failure, and nothing half-written.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresServerLossTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CompleteVideoAsync_ServerKilledMidTransaction_ThrowsServerUnavailableAndStoresNothing()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        var (root, video) = await temp.AddVideoAsync("a.mp4");
        NewClip[] clips = Enumerable.Range(0, 200).Select(i => TempCatalog.Clip(i)).ToArray();
        Task<CompletedVideo> writing;
        CatalogStorageException error;

        // A lock on the video's row (one that lets the clips' foreign keys through) stops the write at its last
        // statement, marking the video indexed: inside its transaction, with every clip row written.
        await using (NpgsqlConnection blocker = await PostgresSessions.OpenAsync(temp.ConnectionString!))
        {
            await using NpgsqlTransaction held = await blocker.BeginTransactionAsync();
            await PostgresSessions.ScalarAsync(blocker, $"SELECT id FROM videos WHERE id = {video.Value} FOR NO KEY UPDATE");
            writing = Task.Run(() => temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, clips));
            await PostgresSessions.WaitForLockWaitersAsync(temp.ConnectionString!, 1, writing);
            Assert.StartsWith("UPDATE videos SET status = 'indexed'", (string?)await PostgresSessions.ScalarAsync(
                temp.ConnectionString!, PostgresSessions.LockWaitersSql("query")));

            await postgres.Server.KillAsync();
            try
            {
                error = await Assert.ThrowsAsync<CatalogStorageException>(() => writing);
            }
            finally
            {
                await postgres.Server.StartAgainAsync();
            }
        }

        Assert.Equal(CatalogStorageReason.ServerUnavailable, error.Reason);
        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.Contains(temp.Catalog.Database.Location, error.Message);
        // A process started after the crash sees the video as it was before the write began.
        using VideoCatalog after = await temp.OpenAgainAsync();
        Assert.Equal(0L, await after.Clips.CountAsync());
        Assert.Equal(VideoStatus.Pending, (await after.Videos.GetAsync(video))!.Status);
        Assert.Equal(0L, await after.Changes.LatestAsync());
        Assert.Equal(new ClaimOutlook(1, 0), await after.Claims.OutlookAsync([root]));
    }

    [Fact]
    public async Task Catalog_ServerRestarted_WorksAgainWithoutReopening()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        var (_, video) = await temp.AddVideoAsync("a.mp4");
        // Four connections open at once, then back in the pool: idle there when the server dies.
        var open = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => temp.Catalog.Database.OpenConnectionAsync(default)));
        foreach (var connection in open) await connection.DisposeAsync();

        await postgres.Server.KillAsync();
        try
        {
            var error = await Assert.ThrowsAsync<CatalogStorageException>(() => temp.Catalog.Stats.GetAsync());
            Assert.Equal(CatalogStorageReason.ServerUnavailable, error.Reason);
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        // The connections pooled before the crash are dead; the catalog must not hand them out again.
        for (int i = 0; i < open.Length; i++) Assert.Equal(1, (await temp.Catalog.Stats.GetAsync()).PendingVideos);
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        Assert.Equal(done.NewClipIds, await temp.Catalog.Candidates.GetClipIdsOfVideoAsync(video.Value, default));
    }
}
