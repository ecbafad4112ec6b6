using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>
/// Runs an async sequence ahead of its consumer by up to <c>capacity</c> items on a task of its own. The one-pass
/// extraction reads ffmpeg's pipe only while it is being enumerated; without this, ffmpeg would stop decoding each
/// time the worker preprocesses a clip, and the two would take turns instead of overlapping.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// The items of <paramref name="source"/>, produced ahead. A failure of the source surfaces at the point of the
    /// sequence where it happened; leaving the loop early (or a failure of the consumer) stops the source.
    /// </summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var items = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        Task producing = Task.Run(async () =>
        {
            try
            {
                await foreach (T item in source.WithCancellation(stop.Token).ConfigureAwait(false))
                    await items.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                items.Writer.TryComplete();
            }
            catch (Exception e)
            {
                items.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (T item in items.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return item;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producing.ConfigureAwait(false);
        }
    }
}
