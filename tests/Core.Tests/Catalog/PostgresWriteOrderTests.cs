using Npgsql;
using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>Writers from several processes that touch the same clips wait for each other instead of deadlocking.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresWriteOrderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task RemoveRootAsync_WhileAnotherInstanceReplacesAVideosClips_BothCommitInTurn()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog indexer = await temp.OpenAgainAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/library");
        var (_, first) = await temp.IndexVideoAsync(root, "a.mp4", [TempCatalog.Clip(0), TempCatalog.Clip(1)]);
        var (video, second) = await temp.IndexVideoAsync(root, "b.mp4", [TempCatalog.Clip(0), TempCatalog.Clip(1)]);
        Task<CompletedVideo> replacing;
        Task<IReadOnlyList<long>> removing;

        // With the change-order lock held elsewhere, both writers start and wait, the re-index first; once it is free
        // they run as they would when their timing overlaps by chance.
        await using (NpgsqlConnection blocker = await PostgresSessions.OpenAsync(temp.ConnectionString!))
        {
            await PostgresSessions.ScalarAsync(blocker, $"SELECT pg_advisory_lock({PostgresCatalogDatabase.ChangeOrderLockKey})");
            replacing = Task.Run(() => indexer.Writer.CompleteVideoAsync(video, TempCatalog.Metadata, [TempCatalog.Clip(0, seed: 2)]));
            await PostgresSessions.WaitForLockWaitersAsync(temp.ConnectionString!, 1, replacing);
            removing = Task.Run(() => temp.Catalog.Roots.RemoveAsync(root));
            await PostgresSessions.WaitForLockWaitersAsync(temp.ConnectionString!, 2, replacing, removing);
            await PostgresSessions.ScalarAsync(blocker, $"SELECT pg_advisory_unlock({PostgresCatalogDatabase.ChangeOrderLockKey})");

            CompletedVideo replaced = await replacing;
            IReadOnlyList<long> removed = await removing;

            Assert.Equal(second.NewClipIds, replaced.RemovedClipIds);
            Assert.Equal(first.NewClipIds.Concat(replaced.NewClipIds).Order(), removed.Order());
        }
        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
        Assert.Empty(await temp.Catalog.Roots.ListAsync());
    }
}
