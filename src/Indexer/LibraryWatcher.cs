namespace VideoSearch.Indexer;

/// <summary>
/// Follows the roots for changes: file-system events mark the library dirty and a wait returns once no event has
/// come for the debounce time (a file being copied raises many); a periodic rescan covers events that never arrive
/// (network shares, buffer overflows).
/// </summary>
internal sealed class LibraryWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly TimeSpan _debounce;
    private readonly TimeSpan _rescan;
    private readonly SemaphoreSlim _signal = new(0);
    private long _lastEventTicks;
    private int _dirty;

    public LibraryWatcher(IEnumerable<string> roots, TimeSpan debounce, TimeSpan rescan)
    {
        _debounce = debounce;
        _rescan = rescan;
        foreach (string root in roots)
        {
            var watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += (_, _) => MarkDirty();
            watcher.Changed += (_, _) => MarkDirty();
            watcher.Deleted += (_, _) => MarkDirty();
            watcher.Renamed += (_, _) => MarkDirty();
            watcher.Error += (_, _) => MarkDirty();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Waits until something changed and settled, or the rescan period passed.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => WaitForChangeAsync(_rescan, cancellationToken);

    /// <summary>
    /// Waits until something changed and settled, or <paramref name="rescan"/> passed: a shorter period while the
    /// environment holds indexing up (<see cref="Progress.IndexingSummary.EnvironmentProblem"/>), since installing
    /// ffmpeg or freeing disk space changes nothing in the media folders.
    /// </summary>
    public async Task WaitForChangeAsync(TimeSpan rescan, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow + rescan;
        while (true)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return;
            if (Volatile.Read(ref _dirty) == 0)
            {
                await _signal.WaitAsync(left, cancellationToken).ConfigureAwait(false);
                continue;
            }
            TimeSpan quiet = DateTime.UtcNow - new DateTime(Interlocked.Read(ref _lastEventTicks), DateTimeKind.Utc);
            if (quiet >= _debounce)
            {
                Interlocked.Exchange(ref _dirty, 0);
                return;
            }
            await Task.Delay(_debounce - quiet, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (FileSystemWatcher watcher in _watchers) watcher.Dispose();
        _signal.Dispose();
    }

    private void MarkDirty()
    {
        Interlocked.Exchange(ref _lastEventTicks, DateTime.UtcNow.Ticks);
        if (Interlocked.Exchange(ref _dirty, 1) == 0) _signal.Release();
    }
}
