using System.Diagnostics;

namespace VideoSearch.Indexer.Progress;

/// <summary>
/// The indexer's live progress: updated by the pipeline, read as consistent snapshots by the console display and
/// the web page. Rates are measured since the first file of the pass finished; the estimate of the time left
/// scales the time per finished file to the files left.
/// </summary>
public sealed class IndexingProgress : IIndexingProgress
{
    private readonly object _gate = new();
    private readonly List<IndexingError> _errors = [];
    private readonly List<IndexingError> _previousErrors = [];
    private IndexingState _state = IndexingState.Idle;
    private int _total, _done, _failed, _indexed;
    private long _clips;
    private double _videoSeconds;
    private string? _current, _message, _environmentProblem;
    private long _passStart = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public IndexingStatus Current
    {
        get
        {
            lock (_gate)
            {
                double elapsed = Stopwatch.GetElapsedTime(_passStart).TotalSeconds;
                double clipsPerSecond = elapsed > 0 ? _clips / elapsed : 0;
                double videoRate = elapsed > 0 ? _videoSeconds / elapsed : 0;
                TimeSpan? eta = _done > 0 && _state == IndexingState.Indexing
                    ? TimeSpan.FromSeconds(elapsed / _done * (_total - _done))
                    : null;
                return new IndexingStatus(_state, _total, _done, _failed, _clips, clipsPerSecond, videoRate, eta, _current,
                    [.. _previousErrors, .. _errors], _message ?? _environmentProblem);
            }
        }
    }

    /// <summary>The summary of the last finished pass, or null before the first one ends.</summary>
    public IndexingSummary? LastPass { get; private set; }

    internal int FilesIndexed { get { lock (_gate) return _indexed; } }

    internal IReadOnlyList<IndexingError> PassErrors { get { lock (_gate) return [.. _errors]; } }

    internal IReadOnlyList<IndexingError> PreviousErrors { get { lock (_gate) return [.. _previousErrors]; } }

    internal long Clips { get { lock (_gate) return _clips; } }

    internal double VideoSeconds { get { lock (_gate) return _videoSeconds; } }

    internal void SetState(IndexingState state, string? message = null)
    {
        lock (_gate)
        {
            _state = state;
            _message = message;
            if (state != IndexingState.Indexing) _current = null;
        }
    }

    /// <summary>
    /// Notes what in the environment keeps indexing waiting (ffmpeg missing, the library unwritable), or clears it
    /// with null. Kept across state changes, so the status says why a watching indexer does nothing.
    /// </summary>
    internal void SetEnvironmentProblem(string? problem)
    {
        lock (_gate) _environmentProblem = problem;
    }

    internal void BeginPass(int files, IReadOnlyList<IndexingError> previousErrors)
    {
        lock (_gate)
        {
            _state = IndexingState.Indexing;
            _total = files;
            _done = _failed = _indexed = 0;
            _clips = 0;
            _videoSeconds = 0;
            _current = null;
            _message = null;
            _errors.Clear();
            _previousErrors.Clear();
            _previousErrors.AddRange(previousErrors);
            _passStart = Stopwatch.GetTimestamp();
        }
    }

    internal void FileStarted(string path)
    {
        lock (_gate) _current = path;
    }

    internal void FileIndexed(string path, int clips, double videoSeconds)
    {
        lock (_gate)
        {
            _done++;
            _indexed++;
            _clips += clips;
            _videoSeconds += videoSeconds;
            if (_current == path) _current = null;
        }
    }

    internal void FileFailed(IndexingError error)
    {
        lock (_gate)
        {
            _done++;
            _failed++;
            _errors.Add(error);
            if (_current == error.Path) _current = null;
        }
    }

    internal void EndPass(IndexingSummary summary)
    {
        lock (_gate) LastPass = summary;
    }
}
