using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// The bounded indexing pipeline: videos are probed, planned and cut into preprocessed clips by
/// <c>concurrency</c> workers (ffmpeg decodes while the model runs), clips are embedded in batches by one
/// model owner, and one writer stores each finished video. Channels are bounded, so memory stays flat however
/// many files there are. Cancelling stops every stage; videos not yet stored stay pending for the next run.
/// </summary>
internal sealed class IndexingPipeline(ClipSource source, ClipBatcher batcher, VideoWriter writer, int concurrency, int batchSize)
{
    /// <summary>Indexes <paramref name="videos"/>; returns when all are stored or failed.</summary>
    public async Task RunAsync(IAsyncEnumerable<VideoWork> videos, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var capacity = new BoundedChannelOptions(Math.Max(2, batchSize * 2)) { SingleReader = true };
        var pixels = Channel.CreateBounded<PipelineItem>(capacity);
        var embedded = Channel.CreateBounded<PipelineItem>(new BoundedChannelOptions(Math.Max(2, batchSize * 2))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token };
        Task[] stages =
        [
            StageAsync(() => Parallel.ForEachAsync(videos, options,
                async (video, token) => await source.ProduceAsync(video, pixels.Writer, token).ConfigureAwait(false)),
                pixels.Writer, stop),
            // The model call blocks its thread for the whole batch: give it a thread of its own.
            StageAsync(() => Task.Factory.StartNew(() => batcher.RunAsync(pixels.Reader, embedded.Writer, stop.Token),
                stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap(), embedded.Writer, stop),
            StageAsync(() => writer.RunAsync(embedded.Reader, stop.Token), null, stop),
        ];
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        catch
        {
            var fault = stages.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (fault != null) ExceptionDispatchInfo.Throw(fault);
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }

    private static async Task StageAsync(Func<Task> body, ChannelWriter<PipelineItem>? output, CancellationTokenSource stop)
    {
        try
        {
            await body().ConfigureAwait(false);
            output?.TryComplete();
        }
        catch (Exception e)
        {
            output?.TryComplete(e);
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
