using System.Diagnostics;
using System.Globalization;

namespace VideoSearch.Core.Hub;

/// <summary>
/// Shows download progress on a text writer (standard error for the CLI): one line rewritten in place on a terminal,
/// and on a redirected stream (logs, CI) a line when a file starts, every few seconds, and when it completes.
/// Reports arrive synchronously on the downloading thread, so this implements <see cref="IProgress{T}"/> directly
/// rather than through <see cref="Progress{T}"/>, whose callbacks may run after the download has moved on.
/// </summary>
public sealed class ConsoleDownloadProgress : IProgress<DownloadProgress>
{
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly TimeSpan _lineInterval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private string? _currentFile;
    private TimeSpan _lastLine;
    private int _lastWidth;

    /// <summary>Writes to <paramref name="writer"/>; <paramref name="interactive"/> selects the in-place line.</summary>
    public ConsoleDownloadProgress(TextWriter writer, bool interactive)
        : this(writer, interactive, TimeSpan.FromSeconds(5))
    {
    }

    internal ConsoleDownloadProgress(TextWriter writer, bool interactive, TimeSpan lineInterval)
    {
        _writer = writer;
        _interactive = interactive;
        _lineInterval = lineInterval;
    }

    /// <summary>Progress on standard error, in place when standard error is a terminal.</summary>
    public static ConsoleDownloadProgress ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    /// <inheritdoc/>
    public void Report(DownloadProgress value)
    {
        lock (_gate)
        {
            bool newFile = value.File != _currentFile;
            if (newFile && _interactive && _lastWidth > 0) _writer.WriteLine();
            if (newFile)
            {
                _currentFile = value.File;
                _lastWidth = 0;
            }

            string line = Format(value);
            if (_interactive)
            {
                // Pad so a shorter line fully covers the previous one.
                _writer.Write("\r" + line.PadRight(_lastWidth));
                _lastWidth = line.Length;
                if (value.IsComplete)
                {
                    _writer.WriteLine();
                    _lastWidth = 0;
                }
            }
            else if (newFile || value.IsComplete || _clock.Elapsed - _lastLine >= _lineInterval)
            {
                _writer.WriteLine(line);
                _lastLine = _clock.Elapsed;
            }
            _writer.Flush();
        }
    }

    internal static string Format(DownloadProgress value)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        string amount = value.TotalBytes is { } total and > 0
            ? string.Create(invariant, $"{Megabytes(value.BytesReceived)} / {Megabytes(total)} MB {100.0 * value.BytesReceived / total,3:0}%")
            : string.Create(invariant, $"{Megabytes(value.BytesReceived)} MB");
        return string.Create(invariant, $"{value.File}  {amount}  {value.BytesPerSecond / 1e6:0.0} MB/s");
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
