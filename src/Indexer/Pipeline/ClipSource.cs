using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Media;
using VideoSearch.Core.Thumbnails;
using VideoSearch.Indexer.Embedding;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// Stages A and B for one video: check the path stays in its root, probe, plan clips, then decode the plan's frames
/// (<see cref="FrameExtractor.ExtractClipsAsync"/>: one ffmpeg pass for a dense plan, read ahead of this worker), and
/// per clip preprocess them (each shared picture once) and make the thumbnail and the preview strip from frames already
/// decoded (nothing is decoded twice). A media error fails the whole video (no
/// partial videos are stored); anything else unexpected also fails only that video, with its message. The failure
/// kind says whether the file or the machine was at fault (<see cref="FailureKinds.RetryTriggerOf"/>).
/// </summary>
internal sealed class ClipSource(MediaProbe probe, FrameExtractor extractor, ClipEncoder encoder, ClipPlanOptions plan,
    StageTimings timings, ILogger logger)
{
    /// <summary>
    /// Clips decoded ahead of the one being preprocessed, so ffmpeg keeps decoding meanwhile. Two hold at most two
    /// clips' frames beyond the window in hand (mostly shared with it).
    /// </summary>
    private const int ReadAheadClips = 2;

    private readonly JpegThumbnailEncoder _thumbnails = new();
    private readonly PreviewStripEncoder _previews = new();
    private readonly ConcurrentDictionary<string, MediaPathGuard> _guards = new(StringComparer.Ordinal);

    /// <summary>Writes the video's start, its clips and possibly a failure to <paramref name="output"/>.</summary>
    public async Task ProduceAsync(VideoWork video, ChannelWriter<PipelineItem> output, CancellationToken cancellationToken)
    {
        try
        {
            long start = Stopwatch.GetTimestamp();
            _guards.GetOrAdd(video.Root, root => new MediaPathGuard(root)).EnsureInside(video.Path);
            VideoInfo info = await probe.ProbeAsync(video.Path, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Clip> clips = ClipPlanner.Plan(info, plan);
            timings.AddProbe(start);
            await output.WriteAsync(new VideoStarted(video, info, clips), cancellationToken).ConfigureAwait(false);
            VideoClipPreprocessor preprocessor = encoder.ForVideo();
            long waiting = Stopwatch.GetTimestamp();
            await foreach (ExtractedClip clip in ReadAhead.Of(extractor.ExtractClipsAsync(info, clips, cancellationToken),
                               ReadAheadClips, cancellationToken).ConfigureAwait(false))
            {
                timings.AddExtract(waiting);
                await output.WriteAsync(Process(video, clip, preprocessor), cancellationToken).ConfigureAwait(false);
                waiting = Stopwatch.GetTimestamp();
            }
        }
        catch (MediaException e)
        {
            await output.WriteAsync(new VideoFailed(video, FailureKinds.Of(e.Reason), e.Detail), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The machine's fault (a permission, an I/O error, a full temporary folder): the message says it all, and
            // the failure kind has the video retried once the cause is gone.
            logger.LogWarning("Indexing {VideoPath} failed: {Reason}", video.Path, e.Message);
            string kind = e is UnauthorizedAccessException ? FailureKinds.Unreadable : FailureKinds.IoError;
            await output.WriteAsync(new VideoFailed(video, kind, e.Message), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not ChannelClosedException)
        {
            // Not one of ours, so a bug: its stack trace is what the report needs.
            logger.LogWarning(e, "Indexing {VideoPath} failed unexpectedly", video.Path);
            await output.WriteAsync(new VideoFailed(video, FailureKinds.Internal, e.Message), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private ClipPixels Process(VideoWork video, ExtractedClip clip, VideoClipPreprocessor preprocessor)
    {
        long start = Stopwatch.GetTimestamp();
        float[] pixels = preprocessor.Preprocess(clip.Frames);
        timings.AddPreprocess(start);
        start = Stopwatch.GetTimestamp();
        RgbFrame middle = clip.Frames[clip.Frames.Count / 2];
        byte[] thumbnail = _thumbnails.Encode(middle.Width, middle.Height, middle.Pixels);
        timings.AddThumbnail(start);
        start = Stopwatch.GetTimestamp();
        byte[] preview = _previews.Encode(clip.Frames);
        timings.AddPreview(start);
        return new ClipPixels(video, clip.Clip, pixels, thumbnail, preview);
    }
}
