using System.Diagnostics;
using System.Threading.Channels;
using VideoSearch.Core.Model;
using VideoSearch.Indexer.Embedding;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// Stage C: embeds clips in batches of up to <c>batchSize</c>, across videos. A batch is also run as soon as no
/// more clips are waiting, so the model never idles while extraction is the slower stage. Video start and failure
/// messages are passed on at once (the writer ignores clips of a video it has failed).
/// </summary>
internal sealed class ClipBatcher(ClipEncoder encoder, int batchSize, StageTimings timings)
{
    /// <summary>Reads until <paramref name="input"/> completes; the caller completes <paramref name="output"/>.</summary>
    public async Task RunAsync(ChannelReader<PipelineItem> input, ChannelWriter<PipelineItem> output,
        CancellationToken cancellationToken)
    {
        var batch = new List<ClipPixels>(batchSize);
        while (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (input.TryRead(out PipelineItem? item))
            {
                if (item is ClipPixels clip)
                {
                    batch.Add(clip);
                    if (batch.Count >= batchSize) await FlushAsync(batch, output, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await output.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                }
            }
            await FlushAsync(batch, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(List<ClipPixels> batch, ChannelWriter<PipelineItem> output, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        cancellationToken.ThrowIfCancellationRequested();
        long start = Stopwatch.GetTimestamp();
        XClipVideoEmbedding[] embeddings = await encoder.EmbedAsync(batch.Select(c => c.Pixels).ToList(), cancellationToken)
            .ConfigureAwait(false);
        timings.AddEmbed(start);
        for (int i = 0; i < batch.Count; i++)
        {
            ClipPixels clip = batch[i];
            await output.WriteAsync(new ClipEmbedded(clip.Video, clip.Clip, embeddings[i].Embedding, embeddings[i].Context,
                clip.Thumbnail, clip.Preview), cancellationToken).ConfigureAwait(false);
        }
        batch.Clear();
    }
}
