using FFMpegCore;
using FFMpegCore.Enums;

namespace VideoSearch.Core.Media;

/// <summary>
/// The ffmpeg command that decodes a whole clip plan in one process (see <see cref="OnePassExtraction"/>):
/// <code>
/// ffmpeg -hide_banner -nostdin -nostats -loglevel info [-threads N] -ss START -t LENGTH -i "PATH" -map 0:V:0 -an -sn -dn
///        -filter_script:v GRAPH_FILE -fps_mode passthrough -pix_fmt rgb24 -f rawvideo "/proc/PID/fd/N" -y
/// GRAPH_FILE: select='SELECT_TREE',showinfo=checksum=0
/// </code>
/// The same seek, stream map, colour conversion and auto-rotation as <see cref="FfmpegFrameCommand"/>, so the frames
/// are the same bytes; the differences:
/// <list type="bullet">
/// <item>START is the plan's first time and LENGTH reaches the last time plus the look-ahead: one seek, then the
/// whole span is decoded once.</item>
/// <item>The select expression is a decision tree (<see cref="SelectTree"/>), O(log N) per frame, passed in a file
/// (<see cref="PassFolder"/>) because a long plan's expression exceeds the 128 KiB limit on one argument.</item>
/// <item>Only the selected frames are logged: a showinfo on every decoded frame writes two stderr lines per frame,
/// which FFMpegCore keeps in memory until ffmpeg exits (about 200 MB for two hours at 30 fps).</item>
/// <item>No <c>tpad</c>: a time after the last decoded frame is rare (the last clip of some files, a truncated
/// file) and goes to the per-clip path, which answers it exactly as before (see <see cref="OnePassExtraction"/>).</item>
/// <item>The frames go to a pipe of our own (<see cref="FramePipe"/>), not FFMpegCore's pipe sink, which drops
/// frames still unread when ffmpeg exits.</item>
/// </list>
/// </summary>
internal static class FfmpegPassCommand
{
    /// <summary>showinfo instance that sees every frame sent to the pipe (after select, position 1 of the graph).</summary>
    public const int SelectedShowInfo = 1;

    /// <summary>The filter graph for the relative times <paramref name="sortedTimes"/> (ascending, distinct).</summary>
    public static string Graph(IReadOnlyList<double> sortedTimes) =>
        $"select='{SelectTree.Build(sortedTimes)}',showinfo=checksum=0";

    /// <summary>
    /// Builds the command; <paramref name="graphFile"/> holds <see cref="Graph"/>, <paramref name="inputPath"/> is a
    /// full path FFMpegCore can quote (see <see cref="CommandLineSafePath"/>), <paramref name="framePipe"/> the path of the pipe
    /// the frames are written to.
    /// </summary>
    public static FFMpegArgumentProcessor Build(string inputPath, double start, double length, string graphFile, string framePipe, string inputOptions) =>
        FFMpegArguments
            .FromFileInput(inputPath, verifyExists: true, input => input
                .WithCustomArgument(inputOptions)
                .WithCustomArgument($"-ss {FfmpegFrameCommand.Format(start)} -t {FfmpegFrameCommand.Format(length)}"))
            .OutputToFile(framePipe, overwrite: true, output => output
                .WithMap(0, StreamType.VideoNoAttachedPic, 0)
                .DisableAudio()
                .DisableSubtitles()
                .DisableData()
                .WithCustomArgument($"-filter_script:v \"{graphFile}\"")
                .WithFpsMode(FpsMode.Passthrough)
                .WithCustomArgument("-pix_fmt rgb24")
                .ForceFormat("rawvideo"));
}
