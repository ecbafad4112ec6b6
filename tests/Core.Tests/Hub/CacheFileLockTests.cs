using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class CacheFileLockTests
{
    [Fact]
    public async Task AcquireAsync_HeldElsewhere_WaitsUntilReleased()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, ".locks", "blob.lock");
        CacheFileLock first = await CacheFileLock.AcquireAsync(path, CancellationToken.None);

        Task<CacheFileLock> second = CacheFileLock.AcquireAsync(path, CancellationToken.None);
        await Task.Delay(500);
        bool acquiredWhileHeld = second.IsCompleted;
        first.Dispose();
        using CacheFileLock acquired = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(acquiredWhileHeld);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsCancellation()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "blob.lock");
        using CacheFileLock held = await CacheFileLock.AcquireAsync(path, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CacheFileLock.AcquireAsync(path, cancel.Token));
    }
}
