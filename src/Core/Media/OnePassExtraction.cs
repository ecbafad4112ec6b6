using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FFMpegCore;

namespace VideoSearch.Core.Media;

/// <summary>
/// Decodes a whole clip plan of one video with one ffmpeg process (<see cref="FfmpegPassCommand"/>) and streams the
/// clips in plan order, each as soon as its last frame has arrived. Every frame is decoded and converted once and
/// shared by all the clips that use it; the bytes are those of <see cref="FrameExtractor.ExtractClipAsync"/> (same
/// seek arithmetic, same select rule, same conversion).
/// </summary>
/// <remarks>
/// Memory: the frames of the clips not yet handed out that overlap the current position (<see cref="ClipAssembler"/>),
/// plus <see cref="ChannelCapacity"/> frames on their way, plus the named pipe's buffer (64 KiB), whatever the
/// length of the file: when the consumer holds back, reading stops and ffmpeg blocks. The one growing part is the
/// showinfo log of the selected frames (a few hundred bytes per requested time, about 7 MB for two hours), which
/// FFMpegCore keeps until ffmpeg exits.
/// Times after the last frame that decodes (the last clip of some files: a time in the last frame's display
/// interval; or a truncated file) are not answered by the pass; those clips go through the per-clip path, which
/// answers them exactly as before and throws <see cref="MediaErrorKind.Truncated"/> where it would.
/// Time limit: <see cref="MediaToolOptions.PassTimeout"/> of the span decoded, counted only while the pass waits
/// for ffmpeg, not while the consumer holds it back.
/// </remarks>
internal sealed class OnePassExtraction(VideoInfo video, IReadOnlyList<Clip> clips, MediaToolOptions options, FrameExtractor perClip)
{
    /// <summary>Frames read from the pipe ahead of the clip being assembled.</summary>
    public const int ChannelCapacity = 2;

    private ClipAssembler? _assembler;
    private PipeFrameChannel? _reader;

    /// <summary>Clips that went through the per-clip path (see the remarks).</summary>
    public int FallbackClips { get; private set; }

    /// <summary>The most distinct frames held for pending clips at once.</summary>
    public int PeakLiveFrames => _assembler?.PeakLiveFrames ?? 0;

    /// <summary>Frames read from the pipe so far.</summary>
    public int FramesRead => _reader?.Count ?? 0;

    /// <summary>Runs the pass; see the class comment.</summary>
    public async IAsyncEnumerable<ExtractedClip> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        StreamTimeBase timeBase = video.TimeBase ?? throw new ArgumentException("A one-pass decode needs the stream's time base.", nameof(video));
        double start = FrameExtractor.Exact(clips.SelectMany(c => c.FrameTimestamps).Min());
        // Each time becomes the threshold the clip's own seek would apply (see SeekArithmetic).
        double[][] relative = clips.Select(c =>
        {
            double clipStart = FrameExtractor.Exact(c.FrameTimestamps.Min());
            return c.FrameTimestamps.Select(t => SeekArithmetic.PassThreshold(t, clipStart, start, video.StartTimeSeconds, timeBase)).ToArray();
        }).ToArray();
        double[] times = relative.SelectMany(r => r).Distinct().Order().ToArray();
        int[][] timeIndex = relative.Select(r => r.Select(t => Array.BinarySearch(times, t)).ToArray()).ToArray();
        double length = FrameExtractor.Exact(times[^1] + FrameExtractor.LookAhead(video));
        int width = video.DisplayWidth, height = video.DisplayHeight;

        var assembler = _assembler = new ClipAssembler(clips, times, timeIndex, width, height);
        var pictures = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(ChannelCapacity) { SingleReader = true, SingleWriter = true });
        var log = new ShowInfoLog(decodedInstance: -1, FfmpegPassCommand.SelectedShowInfo);
        using var folder = PassFolder.Create(FfmpegPassCommand.Graph(times));
        using var input = CommandLineSafePath.For(video.Path);
        using var limit = new ToolTimeLimit(options.PassTimeout(length));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = _reader = new PipeFrameChannel(checked(width * height * 3), times.Length, pictures.Writer, limit);

        using var pipe = new FramePipe();
        Task reading = ReadAsync(pipe.Frames, reader, pictures.Writer, stop.Token);
        FFOptions ffOptions = options.ToFFOptions();
        Task<FFMpegResult> run = ToolCall.RunAsync(MediaTool.Ffmpeg, ffOptions, video.Path, limit, stop.Token,
            token => ToolCall.ProcessFfmpegAsync(
                FfmpegPassCommand.Build(input.Path, start, length, folder.GraphPath, pipe.WriterPath, options.InputOptions).NotifyOnStandardError(log.Accept),
                ffOptions, token));
        // Once ffmpeg has ended (finished, failed, killed, or never opened the pipe), the reader may reach the end.
        Task released = run.ContinueWith(_ => pipe.ReleaseWriter(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        bool abandoned = false;
        try
        {
            int received = 0;
            bool logShort = false;
            while (!logShort && !abandoned && await NextAsync(pictures.Reader, run).ConfigureAwait(false))
            {
                while (pictures.Reader.TryRead(out byte[]? picture))
                {
                    if (await log.WaitForSelectedAsync(received, run).ConfigureAwait(false) is not { } entry)
                    {
                        logShort = true;
                        break;
                    }
                    if (received == 0 && log.TimeBaseOf(FfmpegPassCommand.SelectedShowInfo) != timeBase.Seconds)
                    {
                        // The frames are not counted in the time base the thresholds were made for: leave the whole
                        // plan to the per-clip path rather than risk other frames.
                        abandoned = true;
                        break;
                    }
                    received++;
                    if (entry.Width != width || entry.Height != height)
                    {
                        throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                            $"frames came out {entry.Width}x{entry.Height}, expected {width}x{height}.");
                    }
                    assembler.Add(entry.Seconds, picture);
                    while (assembler.TryTakeNext(out ExtractedClip clip)) yield return clip;
                }
            }

            if (!abandoned) await CheckEndAsync(run, reader, log, received, logShort).ConfigureAwait(false);
        }
        finally
        {
            // Whatever ended the loop (the end, an error, the consumer leaving early): ffmpeg must be gone.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(run).ConfigureAwait(false);
            await Task.WhenAny(Task.WhenAll(released, reading), Task.Delay(ToolCall.KillGrace, CancellationToken.None)).ConfigureAwait(false);
        }

        for (int c = assembler.HandedOut; c < clips.Count; c++)
        {
            FallbackClips++;
            var frames = await perClip.ExtractClipAsync(video, clips[c], cancellationToken).ConfigureAwait(false);
            yield return new ExtractedClip(clips[c], frames);
        }
    }

    /// <summary>
    /// Once the pipe has ended: the ffmpeg call's own failure (time limit, cancellation, missing tool, vanished file),
    /// else a broken pipe or a log that does not match the frames, as <see cref="MediaErrorKind.DecodeFailed"/>.
    /// </summary>
    private async Task CheckEndAsync(Task<FFMpegResult> run, PipeFrameChannel reader, ShowInfoLog log, int received, bool logShort)
    {
        FFMpegResult result = await run.ConfigureAwait(false);
        string summary = ToolCall.Summary(result.StandardError);
        reader.ThrowIfBroken(video, result, summary);
        if (logShort || log.Selected.Count != received)
        {
            throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                $"ffmpeg sent {received} frames but reported {log.Selected.Count} (exit code {result.ExitCode}: {summary}).");
        }
    }

    /// <summary>
    /// Waits for a picture or the end of the pipe; a failed ffmpeg call (time limit, cancellation, missing tool)
    /// ends the wait with its exception even if the pipe is still held open.
    /// </summary>
    private static async Task<bool> NextAsync(ChannelReader<byte[]> pictures, Task<FFMpegResult> run)
    {
        Task<bool> more = pictures.WaitToReadAsync().AsTask();
        if (await Task.WhenAny(more, run).ConfigureAwait(false) == run && !more.IsCompleted && !run.IsCompletedSuccessfully)
        {
            await run.ConfigureAwait(false);
        }
        return await more.ConfigureAwait(false);
    }

    private static async Task ReadAsync(Stream frames, PipeFrameChannel reader, ChannelWriter<byte[]> pictures, CancellationToken stop)
    {
        try
        {
            // Off the caller's thread: a read of the pipe blocks until ffmpeg writes.
            await Task.Yield();
            await reader.ReadAsync(frames, stop).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            reader.ReadError = e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            reader.ReadError = e.Message;
        }
        finally
        {
            pictures.TryComplete();
        }
    }
}
