using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Media;
using VideoSearch.Indexer.Progress;
using VideoSearch.Core.Model;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// Stage D, the only writer: gathers each video's embedded clips and, once all have arrived, stores them in one
/// catalog transaction and then adds them to the vector index (the catalog first: it is the source of truth, and
/// the index is reconciled with it on the next start if a crash falls in between). Failures are recorded with the
/// file identity they happened on, so the file's own failures are not retried until the file changes; failing to
/// write the library is never recorded against a video (see <see cref="StorageFailures"/>).
/// </summary>
internal sealed class VideoWriter(VideoCatalog catalog, SessionVectors vectors, XClipPrecision precision,
    IndexingProgress progress, StageTimings timings, TimeSpan saveInterval, ILogger logger)
{
    private readonly Dictionary<VideoId, (VideoStarted Start, List<ClipEmbedded> Clips)> _open = [];

    /// <summary>Stores videos as their clips arrive, until <paramref name="input"/> completes.</summary>
    public async Task RunAsync(ChannelReader<PipelineItem> input, CancellationToken cancellationToken)
    {
        await foreach (PipelineItem item in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (item)
            {
                case VideoStarted started:
                    _open[started.Video.Id] = (started, new List<ClipEmbedded>(started.Clips.Count));
                    progress.FileStarted(started.Video.Path);
                    if (started.Clips.Count == 0) await CompleteAsync(started.Video.Id, cancellationToken).ConfigureAwait(false);
                    break;
                case ClipEmbedded clip when _open.TryGetValue(clip.Video.Id, out var entry):
                    entry.Clips.Add(clip);
                    if (entry.Clips.Count == entry.Start.Clips.Count)
                        await CompleteAsync(clip.Video.Id, cancellationToken).ConfigureAwait(false);
                    break;
                case VideoFailed failed:
                    _open.Remove(failed.Video.Id);
                    await FailAsync(failed, cancellationToken).ConfigureAwait(false);
                    break;
            }
            vectors.SaveIfDue(saveInterval);
        }
    }

    private async Task CompleteAsync(VideoId id, CancellationToken cancellationToken)
    {
        (VideoStarted start, List<ClipEmbedded> clips) = _open[id];
        _open.Remove(id);
        clips.Sort((a, b) => a.Clip.Index.CompareTo(b.Clip.Index));
        long begin = Stopwatch.GetTimestamp();
        CompletedVideo stored;
        try
        {
            stored = await catalog.Writer.CompleteVideoAsync(id, Metadata(start.Info), clips.Select(c => c.ToNewClip()).ToList(),
                precision, cancellationToken).ConfigureAwait(false);
        }
        catch (VideoLeaseLostException e)
        {
            // Another indexer took the video over while this one was stalled: its result is the one that counts.
            logger.LogWarning("{VideoPath} was left to another indexer: {Reason}", start.Video.Path, e.Message);
            return;
        }
        catch (CatalogException e) when (!StorageFailures.IsUnwritable(e))
        {
            // The catalog refused the data itself (a clip that does not fit the model), so the refusal can be stored.
            // A write failure (disk full) is not caught: the record could not be written either, so it stops the
            // pass and the video, whose transaction rolled back whole, stays pending for the next run.
            logger.LogWarning("The catalog refused the clips of {VideoPath}: {Reason}", start.Video.Path, e.Message);
            await FailAsync(new VideoFailed(start.Video, FailureKinds.Catalog, e.Message), cancellationToken).ConfigureAwait(false);
            return;
        }
        vectors.Apply(stored.RemovedClipIds, stored.NewClipIds.Select((clipId, i) => (clipId, clips[i].Embedding)).ToList());
        timings.AddWrite(begin);
        progress.FileIndexed(start.Video.Path, clips.Count, start.Info.DurationSeconds);
    }

    private async Task FailAsync(VideoFailed failed, CancellationToken cancellationToken)
    {
        long begin = Stopwatch.GetTimestamp();
        IReadOnlyList<long> removed;
        try
        {
            removed = await catalog.Videos.FailVideoAsync(failed.Video.Id, failed.Kind, failed.Message,
                failed.Video.Identity, cancellationToken).ConfigureAwait(false);
        }
        catch (VideoLeaseLostException e)
        {
            logger.LogWarning("{VideoPath} was left to another indexer: {Reason}", failed.Video.Path, e.Message);
            return;
        }
        vectors.Apply(removed, []);
        timings.AddWrite(begin);
        progress.FileFailed(new IndexingError(failed.Video.Path, failed.Kind, failed.Message));
    }

    /// <summary>The catalog's metadata from a probe; rotation as the clockwise quarter turns that show it upright.</summary>
    internal static VideoMetadata Metadata(VideoInfo info) =>
        new(info.DurationSeconds, info.FramesPerSecond, info.CodedWidth, info.CodedHeight,
            ((-info.Rotation % 360) + 360) % 360, info.VideoCodec, info.AudioCodec);
}
