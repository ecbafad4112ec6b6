using System.Diagnostics;

namespace VideoSearch.Core.Media;

/// <summary>
/// The time limit of one tool call, as a token that fires once the call has run for <see cref="Limit"/>. The clock
/// can be paused: a one-pass decode pauses it while its pipe reader waits for the consumer (ffmpeg is then blocked
/// by our backpressure, not slow), so only the time spent waiting for ffmpeg counts.
/// </summary>
internal sealed class ToolTimeLimit : IDisposable
{
    private readonly CancellationTokenSource _expiry = new();
    private readonly Stopwatch _running = new();
    private readonly Lock _gate = new();
    private int _pauses;
    private bool _disposed;

    /// <summary>Starts the clock.</summary>
    public ToolTimeLimit(TimeSpan limit)
    {
        Limit = limit;
        _running.Start();
        _expiry.CancelAfter(limit);
    }

    /// <summary>How long the call may run, pauses not counted.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Fires when the limit is reached.</summary>
    public CancellationToken Token => _expiry.Token;

    /// <summary>True once the limit was reached.</summary>
    public bool Expired => _expiry.IsCancellationRequested;

    /// <summary>Stops the clock until the matching <see cref="Resume"/>.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            if (_disposed || _pauses++ > 0) return;
            _running.Stop();
            _expiry.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Restarts the clock with the time that is left.</summary>
    public void Resume()
    {
        bool expire = false;
        lock (_gate)
        {
            if (_disposed || _pauses == 0 || --_pauses > 0) return;
            _running.Start();
            TimeSpan left = Limit - _running.Elapsed;
            if (left > TimeSpan.Zero) _expiry.CancelAfter(left);
            else expire = true;
        }
        if (!expire) return;
        try
        {
            // Outside the lock: cancelling runs the kill registered on the token.
            _expiry.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call has ended meanwhile; there is nothing left to stop.
        }
    }

    /// <summary>Releases the timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
        _expiry.Dispose();
    }
}
