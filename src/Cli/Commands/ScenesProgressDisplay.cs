using System.Diagnostics;
using VideoSearch.Training.Scenes;

namespace VideoSearch.Cli.Commands;

/// <summary>
/// Shows how many scene videos are written, on standard error: one line rewritten in place on a terminal, a line
/// every ten seconds (and at the end) when the output goes to a file or a pipe, so logs stay readable.
/// </summary>
internal sealed class ScenesProgressDisplay(TextWriter writer, bool interactive) : IProgress<SceneSetProgress>
{
    private static readonly TimeSpan s_logPeriod = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastLine;
    private int? _firstDone;
    private int _lastLength;

    /// <summary>One status line, e.g. <c>scenes 12/250 videos, ETA 0:03:10 | train/scenes-0011.mp4</c>.</summary>
    public static string Format(SceneSetProgress progress, TimeSpan? eta)
    {
        string line = $"scenes {progress.VideosDone}/{progress.VideosTotal} videos" + (eta is { } left ? $", ETA {left:hh\\:mm\\:ss}" : "");
        return progress.LastVideo is { } video ? $"{line} | {video}" : line;
    }

    public void Report(SceneSetProgress value)
    {
        lock (_gate)
        {
            _firstDone ??= value.VideosDone;
            if (!interactive && _lastLine is { } last && _clock.Elapsed - last < s_logPeriod && value.VideosDone < value.VideosTotal) return;
            _lastLine = _clock.Elapsed;
            // The rate of this run's own videos, not of those kept from an earlier one.
            int made = value.VideosDone - _firstDone.Value;
            TimeSpan? eta = made > 0 ? _clock.Elapsed / made * (value.VideosTotal - value.VideosDone) : null;
            string line = Format(value, eta);
            if (interactive)
            {
                writer.Write("\r" + line.PadRight(_lastLength));
                _lastLength = line.Length;
            }
            else
            {
                writer.WriteLine(line);
            }
        }
    }

    /// <summary>Ends the rewritten line, so what follows starts on a fresh one.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (interactive && _lastLength > 0) writer.WriteLine();
            _lastLength = 0;
        }
    }
}
