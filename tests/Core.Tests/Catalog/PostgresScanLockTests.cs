using VideoSearch.Core.Catalog;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>The library's scan lock on PostgreSQL: one scanner at a time, and a dead holder never blocks the others.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresScanLockTests(PostgresFixture postgres)
{
    // Longer than several of the lock's polls (250 ms), so a waiter that wrongly got the lock has had the time to.
    private static readonly TimeSpan s_held = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task LockScanAsync_HeldByAnotherInstance_WaitsUntilItIsReleased()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        IAsyncDisposable held = await temp.Catalog.Database.LockScanAsync(default);

        Task<IAsyncDisposable> waiting = other.Database.LockScanAsync(default);
        await Task.Delay(s_held);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using IAsyncDisposable second = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task LockScanAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        await using IAsyncDisposable held = await temp.Catalog.Database.LockScanAsync(default);
        using var cancel = new CancellationTokenSource(s_held);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other.Database.LockScanAsync(cancel.Token));
    }

    [Fact]
    public async Task LockScanAsync_HoldersConnectionDies_IsTakenByTheNext()
    {
        await using TempCatalog temp = await TempCatalog.CreateAsync(postgres);
        using VideoCatalog other = await temp.OpenAgainAsync();
        IAsyncDisposable held = await temp.Catalog.Database.LockScanAsync(default);
        Task<IAsyncDisposable> waiting = other.Database.LockScanAsync(default);

        // What the server sees when the holding process dies: its session ends. A bigint key shows in pg_locks as its
        // high half (classid) and its low half (objid).
        Assert.Equal(1L, await PostgresSessions.ScalarAsync(temp.ConnectionString!,
            "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            $"AND classid = {PostgresCatalogDatabase.ScanLockKey >> 32} AND objid = {PostgresCatalogDatabase.ScanLockKey & 0xFFFF_FFFF}"));

        await using IAsyncDisposable taken = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        // Releasing a lock whose connection is gone is quiet: the server let go already.
        await held.DisposeAsync();
    }
}
