namespace VideoSearch.Indexer.Tests;

public sealed class LibraryWatcherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vs-watch-").FullName;

    [Fact]
    public async Task WaitForChangeAsync_FileAdded_ReturnsAfterTheDebounce()
    {
        using var watcher = new LibraryWatcher([_root], TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(10));
        Task wait = watcher.WaitForChangeAsync(CancellationToken.None);
        await File.WriteAllBytesAsync(Path.Combine(_root, "new.mp4"), [1, 2, 3]);

        // Generous bound: the file-system event and the 200 ms debounce take milliseconds; busy test machines are slow.
        Task first = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(wait, first);
    }

    [Fact]
    public async Task WaitForChangeAsync_NothingChanges_WaitsForTheRescanPeriod()
    {
        using var watcher = new LibraryWatcher([_root], TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await watcher.WaitForChangeAsync(CancellationToken.None);

        // 10 ms below the period: the wait is timed with DateTime.UtcNow, whose granularity differs from the stopwatch.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"returned after {clock.Elapsed}");
    }

    [Fact]
    public async Task WaitForChangeAsync_ShorterPeriodGiven_ReturnsAfterIt()
    {
        using var watcher = new LibraryWatcher([_root], TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await watcher.WaitForChangeAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);

        // Bounds as above; the upper one is far below the 10-minute default it replaces.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitForChangeAsync_Cancelled_Throws()
    {
        using var watcher = new LibraryWatcher([_root], TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watcher.WaitForChangeAsync(cancel.Token));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
