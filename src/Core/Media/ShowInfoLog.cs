using System.Globalization;
using System.Text.RegularExpressions;

namespace VideoSearch.Core.Media;

/// <summary>
/// Follows ffmpeg's stderr during frame extraction and keeps what the two <c>showinfo</c> filters of
/// <see cref="FfmpegFrameCommand"/> report: every decoded frame (instance 0, before padding) and every frame sent
/// to the pipe (instance 3, after selection). Fed line by line; only counts and the selected frames are kept, so
/// a long window costs no memory. Kept apart from the process code so it can be tested on recorded logs.
/// Lines arrive on FFMpegCore's stderr thread while a streaming reader may wait for a selected frame's entry
/// (<see cref="WaitForSelectedAsync"/>), so the selected list is guarded.
/// </summary>
internal sealed partial class ShowInfoLog
{
    private readonly int _decodedInstance;
    private readonly int _selectedInstance;
    private readonly Dictionary<int, double> _timeBase = [];
    private readonly List<SelectedFrame> _selected = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource? _added;

    /// <summary>Watches the given <c>Parsed_showinfo_N</c> instances.</summary>
    public ShowInfoLog(int decodedInstance, int selectedInstance)
    {
        _decodedInstance = decodedInstance;
        _selectedInstance = selectedInstance;
    }

    /// <summary>Number of frames the decoder produced inside the window.</summary>
    public long DecodedFrames { get; private set; }

    /// <summary>Time of the last decoded frame, relative to the seek point; null when none was decoded.</summary>
    public double? LastDecodedSeconds { get; private set; }

    /// <summary>The frames written to the pipe, in order (read it once ffmpeg has finished).</summary>
    public IReadOnlyList<SelectedFrame> Selected => _selected;

    /// <summary>
    /// The entry of the <paramref name="index"/>-th selected frame, once its line has arrived; null when
    /// <paramref name="end"/> (the ffmpeg call, after which FFMpegCore has delivered every stderr line) finishes
    /// without it. A picture can reach the pipe before its showinfo line has been read from stderr; FFMpegCore reads
    /// stderr on its own, so waiting here never holds ffmpeg up.
    /// </summary>
    public async Task<SelectedFrame?> WaitForSelectedAsync(int index, Task end)
    {
        while (true)
        {
            Task added;
            lock (_gate)
            {
                if (index < _selected.Count) return _selected[index];
                if (end.IsCompleted) return null;
                _added ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                added = _added.Task;
            }
            await Task.WhenAny(added, end).ConfigureAwait(false);
        }
    }

    /// <summary>The time base (seconds per tick) a showinfo instance reported, or null before its config line.</summary>
    public double? TimeBaseOf(int instance) => _timeBase.TryGetValue(instance, out double seconds) ? seconds : null;

    /// <summary>Takes one stderr line; lines that are not showinfo frame or config lines are ignored.</summary>
    public void Accept(string line)
    {
        Match config = ConfigLine().Match(line);
        if (config.Success)
        {
            double num = double.Parse(config.Groups["num"].Value, CultureInfo.InvariantCulture);
            double den = double.Parse(config.Groups["den"].Value, CultureInfo.InvariantCulture);
            if (den > 0) _timeBase[int.Parse(config.Groups["i"].Value, CultureInfo.InvariantCulture)] = num / den;
            return;
        }
        Match frame = FrameLine().Match(line);
        if (!frame.Success) return;
        int instance = int.Parse(frame.Groups["i"].Value, CultureInfo.InvariantCulture);
        if (!_timeBase.TryGetValue(instance, out double timeBase)) return;
        // Same arithmetic as the select filter's t (pts * av_q2d(time_base)), so comparisons agree exactly.
        double? t = long.TryParse(frame.Groups["pts"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long pts)
            ? pts * timeBase
            : null;
        if (instance == _decodedInstance)
        {
            DecodedFrames++;
            if (t is { } decoded && (LastDecodedSeconds is null || decoded > LastDecodedSeconds)) LastDecodedSeconds = decoded;
        }
        else if (instance == _selectedInstance)
        {
            var selected = new SelectedFrame(t,
                int.Parse(frame.Groups["w"].Value, CultureInfo.InvariantCulture),
                int.Parse(frame.Groups["h"].Value, CultureInfo.InvariantCulture));
            TaskCompletionSource? waiting;
            lock (_gate)
            {
                _selected.Add(selected);
                waiting = _added;
                _added = null;
            }
            waiting?.TrySetResult();
        }
    }

    [GeneratedRegex(@"^\[Parsed_showinfo_(?<i>\d+) @ [^\]]+\] config in time_base: (?<num>\d+)/(?<den>\d+)")]
    private static partial Regex ConfigLine();

    [GeneratedRegex(@"^\[Parsed_showinfo_(?<i>\d+) @ [^\]]+\] n:\s*\d+ pts:\s*(?<pts>\S+) .*? s:(?<w>\d+)x(?<h>\d+)")]
    private static partial Regex FrameLine();
}
