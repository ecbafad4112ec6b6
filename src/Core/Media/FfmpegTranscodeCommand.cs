using FFMpegCore;
using FFMpegCore.Enums;

namespace VideoSearch.Core.Media;

/// <summary>
/// The ffmpeg command that turns any video ffmpeg decodes into something every browser plays, from a given time,
/// as a stream (an FFMpegCore <see cref="FFMpegArgumentProcessor"/>):
/// <code>
/// ffmpeg -hide_banner -nostdin -nostats -loglevel error -threads 2 -ss START -i "PATH"
///        -map 0:V:0 -map 0:a:0? -sn -dn -vf GRAPH
///        -c:v libx264 -preset veryfast -tune zerolatency -crf 23 -force_key_frames "expr:gte(t,n_forced)"
///        -c:a aac -b:a 128k -ac 2 -threads 2
///        -movflags frag_keyframe+empty_moov+default_base_moof -f mp4 "PIPE" -y
/// </code>
/// <list type="bullet">
/// <item><c>-ss</c> before <c>-i</c>: a keyframe seek, then accurate decoding up to START, so the output's time 0 is
/// START (the page adds START to the player's clock).</item>
/// <item>The graph (<see cref="Graph"/>): at most <see cref="MaxWidth"/> wide, even sizes (H.264 4:2:0 needs them),
/// 8-bit 4:2:0. Rotation is applied by ffmpeg before the graph, so phone video comes out upright.</item>
/// <item>H.264 with <c>veryfast</c> and <c>zerolatency</c> (no B-frames, no look-ahead: the first fragment leaves as
/// soon as it is encoded), a keyframe every second so each fragment is one second and playback starts after one.
/// AAC stereo for any audio; no audio stream when the file has none (the <c>?</c>).</item>
/// <item>Fragmented MP4 (<c>empty_moov</c>: the header comes first and needs no seek back, so it can be a stream).</item>
/// <item><see cref="Threads"/> for decoding and for encoding, so a transcode cannot take every core from search.</item>
/// </list>
/// </summary>
internal static class FfmpegTranscodeCommand
{
    /// <summary>The widest picture sent: 1280 (720p) plays smoothly everywhere and keeps the encoder near real time on two cores.</summary>
    public const int MaxWidth = 1280;

    /// <summary>Threads per transcode for the decoder and for the encoder.</summary>
    public const int Threads = 2;

    /// <summary>The video filter graph: scale down to <see cref="MaxWidth"/> keeping the aspect ratio, even sizes, 8-bit 4:2:0.</summary>
    public static string Graph => $"scale=w='trunc(min({MaxWidth},iw)/2)*2':h=-2,format=yuv420p";

    /// <summary>
    /// Builds the command; <paramref name="inputPath"/> is a full path FFMpegCore can quote (see
    /// <see cref="CommandLineSafePath"/>), <paramref name="output"/> is the pipe the MP4 stream is written to
    /// (<see cref="FramePipe.WriterPath"/>).
    /// </summary>
    public static FFMpegArgumentProcessor Build(string inputPath, double start, string output) =>
        FFMpegArguments
            .FromFileInput(inputPath, verifyExists: true, input => input
                .WithCustomArgument($"-hide_banner -nostdin -nostats -loglevel error -threads {Threads}")
                .WithCustomArgument($"-ss {FfmpegFrameCommand.Format(start)}"))
            .OutputToFile(output, overwrite: true, arguments => arguments
                .WithMap(0, StreamType.VideoNoAttachedPic, 0)
                .WithCustomArgument("-map 0:a:0?")
                .DisableSubtitles()
                .DisableData()
                .WithCustomArgument($"-vf \"{Graph}\"")
                .WithCustomArgument("-c:v libx264 -preset veryfast -tune zerolatency -crf 23 -force_key_frames \"expr:gte(t,n_forced)\"")
                .WithCustomArgument($"-c:a aac -b:a 128k -ac 2 -threads {Threads}")
                .WithCustomArgument("-movflags frag_keyframe+empty_moov+default_base_moof")
                .ForceFormat("mp4"));
}
