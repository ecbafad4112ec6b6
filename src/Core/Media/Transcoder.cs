using System.Buffers;
using System.Globalization;
using FFMpegCore;

namespace VideoSearch.Core.Media;

/// <summary>
/// Streams a video, from a given time, as H.264/AAC fragmented MP4 that every browser plays
/// (<see cref="FfmpegTranscodeCommand"/>), for the files <see cref="BrowserPlayback"/> says a browser cannot play as
/// they are. One ffmpeg process per call, started through FFMpegCore; the stream comes through a
/// <see cref="FramePipe"/> (ffmpeg opens its <c>/proc</c> path), not FFMpegCore's pipe sink, which drops what the
/// reader has not read yet when ffmpeg exits (the last second of the video, for a client slower than ffmpeg), and not
/// a named pipe, which would leave ffmpeg waiting for ever if this process died before ffmpeg opened it.
/// </summary>
/// <remarks>
/// Backpressure: while the destination does not take more (a player whose buffer is full), the pipe fills and
/// ffmpeg blocks, so a transcode never runs far ahead of its viewer. The time limit
/// (<see cref="MediaToolOptions.PassTimeout"/> of the part transcoded) is counted only while waiting for ffmpeg, not
/// while the destination holds it back. Cancellation (the client leaving) kills ffmpeg at once; so does a failed
/// write to the destination.
/// </remarks>
public sealed class Transcoder(MediaToolOptions? options = null)
{
    private const int BufferBytes = 64 * 1024;
    private readonly MediaToolOptions _options = options ?? MediaToolOptions.Default;

    /// <summary>
    /// Writes <paramref name="video"/> from <paramref name="startSeconds"/> (in [0, duration)) to
    /// <paramref name="destination"/> as fragmented MP4 whose time 0 is <paramref name="startSeconds"/>. Throws
    /// <see cref="MediaException"/> naming the file when ffmpeg fails (possibly after some bytes were written),
    /// <see cref="OperationCanceledException"/> on cancellation.
    /// </summary>
    public async Task TranscodeAsync(VideoInfo video, double startSeconds, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(destination);
        if (!double.IsFinite(startSeconds) || startSeconds < 0 || startSeconds >= video.DurationSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(startSeconds), startSeconds,
                $"The start must lie in [0, {video.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture)}) s of {video.Path}.");
        }
        cancellationToken.ThrowIfCancellationRequested();

        using var input = CommandLineSafePath.For(video.Path);
        using var limit = new ToolTimeLimit(_options.PassTimeout(video.DurationSeconds - startSeconds));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var pipe = new FramePipe();
        Task copying = CopyAsync(pipe.Frames, destination, limit, stop.Token);
        FFOptions ffOptions = _options.ToFFOptions();
        Task<FFMpegResult> run = ToolCall.RunAsync(MediaTool.Ffmpeg, ffOptions, video.Path, limit, stop.Token,
            token => ToolCall.ProcessFfmpegAsync(
                FfmpegTranscodeCommand.Build(input.Path, FrameExtractor.Exact(startSeconds), pipe.WriterPath), ffOptions, token));
        // Once ffmpeg has ended (finished, failed, killed, or never opened the pipe), the copy may reach the end.
        Task released = run.ContinueWith(_ => pipe.ReleaseWriter(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            if (await Task.WhenAny(copying, run).ConfigureAwait(false) == copying && !copying.IsCompletedSuccessfully)
            {
                // The destination failed (the client went away): stop ffmpeg, then report the write's failure.
                await stop.CancelAsync().ConfigureAwait(false);
            }
            await copying.ConfigureAwait(false);
            FFMpegResult result = await run.ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                    $"ffmpeg could not transcode the file (exit code {result.ExitCode}: {ToolCall.Summary(result.StandardError)}).");
            }
        }
        finally
        {
            // Whatever ended the call (the end, an error, cancellation): ffmpeg must be gone.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(run).ConfigureAwait(false);
            await Task.WhenAny(Task.WhenAll(released, copying), Task.Delay(ToolCall.KillGrace, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Copies the pipe to the destination until ffmpeg's end closes it. The time limit is paused while the
    /// destination takes a block: ffmpeg then waits for us, not we for it.
    /// </summary>
    private static async Task CopyAsync(Stream pipe, Stream destination, ToolTimeLimit limit, CancellationToken stop)
    {
        // Off the caller's thread: a read of the pipe blocks until ffmpeg writes.
        await Task.Yield();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            int read;
            while ((read = await pipe.ReadAsync(buffer.AsMemory(0, BufferBytes), stop).ConfigureAwait(false)) > 0)
            {
                limit.Pause();
                try
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), stop).ConfigureAwait(false);
                }
                finally
                {
                    limit.Resume();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
