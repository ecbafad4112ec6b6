using VideoSearch.Indexer.Progress;

namespace VideoSearch.Cli.Commands;

/// <summary>
/// Shows indexing progress on standard error: one line rewritten in place on a terminal, a line every ten seconds
/// when the output goes to a file or a pipe (so logs stay readable).
/// </summary>
internal sealed class ConsoleProgressDisplay : IAsyncDisposable
{
    private readonly IIndexingProgress _progress;
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _lastLength;

    public ConsoleProgressDisplay(IIndexingProgress progress, TextWriter writer, bool interactive)
    {
        _progress = progress;
        _writer = writer;
        _interactive = interactive;
        _loop = RunAsync();
    }

    /// <summary>One status line, e.g. <c>indexing 12/27 files, 80 clips, 3.2 clips/s, 6.4 video-s/s, ETA 0:12</c>.</summary>
    public static string Format(IndexingStatus status)
    {
        string line = status.State switch
        {
            IndexingState.Indexing =>
                $"indexing {status.FilesDone}/{status.FilesTotal} files ({status.FilesFailed} failed), {status.ClipsIndexed} clips, " +
                $"{status.ClipsPerSecond:F1} clips/s, {status.VideoSecondsPerSecond:F1} video-s/s" +
                (status.Eta is { } eta ? $", ETA {eta:hh\\:mm\\:ss}" : ""),
            IndexingState.Scanning => "scanning folders...",
            IndexingState.Watching => $"watching for changes ({status.ClipsIndexed} clips in the last pass)",
            _ => status.State.ToString().ToLowerInvariant(),
        };
        return status.CurrentFile is { } file ? $"{line} | {Path.GetFileName(file)}" : line;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the display ends with the run
        }
        if (_interactive && _lastLength > 0) _writer.Write("\r" + new string(' ', _lastLength) + "\r");
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var period = _interactive ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(10);
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            string line = Format(_progress.Current);
            if (_interactive)
            {
                int width = Console.IsErrorRedirected ? 160 : Math.Max(40, Console.WindowWidth - 1);
                if (line.Length > width) line = line[..width];
                _writer.Write("\r" + line.PadRight(_lastLength));
                _lastLength = line.Length;
            }
            else
            {
                _writer.WriteLine(line);
            }
        }
    }
}
