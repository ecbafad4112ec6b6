using System.Globalization;
using System.Text;
using FFMpegCore;
using FFMpegCore.Enums;
using FFMpegCore.Pipes;

namespace VideoSearch.Core.Media;

/// <summary>
/// The ffmpeg command that decodes the frames for a set of times with one seek and one process, as an FFMpegCore
/// <see cref="FFMpegArgumentProcessor"/>:
/// <code>
/// ffmpeg -hide_banner -nostdin -nostats -loglevel info -ss START -t LENGTH -i "PATH" -map 0:V:0 -an -sn -dn
///        -vf "showinfo,tpad=clone,select='first frame at or after each time',showinfo"
///        -fps_mode passthrough -pix_fmt rgb24 -f rawvideo "unix:PIPE" -y
/// </code>
/// <list type="bullet">
/// <item><c>-ss</c> before <c>-i</c>: ffmpeg seeks to the keyframe before START and decodes from there, dropping
/// frames before START (accurate seek), so only one window is decoded, never the whole file. START and LENGTH are
/// written with microsecond digits through <c>WithCustomArgument</c>: FFMpegCore's own <c>Seek</c> and
/// <c>WithDuration</c> round to milliseconds, and the select expression below must compare against the very
/// values ffmpeg parses.</item>
/// <item><c>-map 0:V:0</c>: the first video stream that is not a cover picture, the one <see cref="MediaProbe"/> describes.</item>
/// <item><c>select</c> keeps, for each time T, the first frame whose time is at or after T; a frame chosen by
/// several times is sent once. It runs on the decoded YUV frames, so only kept frames are converted to RGB.</item>
/// <item><c>tpad</c> repeats the last decoded frame after the end of the stream, so a time in the last frame's
/// display interval (after its start) still finds a frame.</item>
/// <item>The two <c>showinfo</c> filters log every decoded and every sent frame (see <see cref="ShowInfoLog"/>),
/// which tells how far the file really decodes and which frame answers which time.</item>
/// <item>Colour conversion, fixed: ffmpeg's plain <c>-pix_fmt rgb24</c> at full size (swscale defaults, the
/// stream's tagged matrix, BT.601 when untagged), the same conversion the preprocessing reference frames were
/// made with. Auto-rotation stays on, so rotated phone video comes out upright.</item>
/// <item>The frames go to FFMpegCore's pipe sink (a Unix socket ffmpeg writes to), read by <see cref="RawFrameReader"/>.</item>
/// </list>
/// </summary>
internal static class FfmpegFrameCommand
{
    /// <summary>showinfo instance that sees every decoded frame (position 0 of the chain).</summary>
    public const int DecodedShowInfo = 0;

    /// <summary>showinfo instance that sees every frame sent to the pipe (position 3 of the chain).</summary>
    public const int SelectedShowInfo = 3;

    /// <summary>
    /// Builds the command; <paramref name="relativeTimes"/> are seconds after <paramref name="start"/>,
    /// <paramref name="inputPath"/> a full path FFMpegCore can quote (see <see cref="CommandLineSafePath"/>),
    /// <paramref name="readFrames"/> the reader of the raw frames FFMpegCore's pipe sink hands over.
    /// </summary>
    public static FFMpegArgumentProcessor Build(
        string inputPath, double start, double length, IReadOnlyList<double> relativeTimes, Func<Stream, CancellationToken, Task> readFrames,
        string inputOptions = "-hide_banner -nostdin -nostats -loglevel info")
    {
        string filters = string.Join(',',
            "showinfo=checksum=0",
            $"tpad=stop_mode=clone:stop_duration={Format(length)}",
            $"select='{SelectExpression(relativeTimes)}'",
            "showinfo=checksum=0");
        return FFMpegArguments
            .FromFileInput(inputPath, verifyExists: true, input => input
                .WithCustomArgument(inputOptions)
                .WithCustomArgument($"-ss {Format(start)} -t {Format(length)}"))
            .OutputToPipe(new StreamPipeSink(readFrames) { Format = "rawvideo" }, output => output
                .WithMap(0, StreamType.VideoNoAttachedPic, 0)
                .DisableAudio()
                .DisableSubtitles()
                .DisableData()
                .WithCustomArgument($"-vf \"{filters}\"")
                .WithFpsMode(FpsMode.Passthrough)
                .WithCustomArgument("-pix_fmt rgb24"));
    }

    /// <summary>
    /// True for a frame when some time r satisfies prev_t &lt; r &lt;= t (prev_t is the previous frame's time,
    /// taken as -1 for the first frame), i.e. this is the first frame at or after r.
    /// </summary>
    internal static string SelectExpression(IReadOnlyList<double> relativeTimes)
    {
        var expression = new StringBuilder();
        foreach (double r in relativeTimes.Distinct())
        {
            if (expression.Length > 0) expression.Append('+');
            string value = Format(r);
            expression.Append("gte(t,").Append(value).Append(")*lt(if(isnan(prev_t),-1,prev_t),").Append(value).Append(')');
        }
        return expression.ToString();
    }

    /// <summary>Round-trip decimal text, the form ffmpeg's expression and time parsers read.</summary>
    internal static string Format(double seconds) => seconds.ToString("0.#########", CultureInfo.InvariantCulture);
}
