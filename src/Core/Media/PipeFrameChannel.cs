using System.Threading.Channels;

namespace VideoSearch.Core.Media;

/// <summary>
/// Reads fixed-size rgb24 pictures off the named pipe of a one-pass decode (<see cref="PassFolder"/>) and hands each
/// one to a bounded channel as soon as it is whole (see <see cref="RawPictureReader"/>). When the channel is full
/// (the consumer of the clips is slower), the reader stops reading the pipe, the pipe's buffer fills and ffmpeg
/// blocks on its write: that is the backpressure that bounds memory on a long file. While it waits for room the
/// time limit is paused, since ffmpeg is then held up by us, not slow.
/// </summary>
internal sealed class PipeFrameChannel(int frameBytes, int maxFrames, ChannelWriter<byte[]> pictures, ToolTimeLimit limit)
    : RawPictureReader(frameBytes, maxFrames)
{
    /// <summary>
    /// Reads until ffmpeg closes the pipe or <paramref name="stop"/> fires while waiting for room (cancellation,
    /// the time limit, or the consumer leaving early; ffmpeg is killed on it, which ends the pipe too).
    /// </summary>
    public Task ReadAsync(Stream pipe, CancellationToken stop) => ReadPicturesAsync(pipe, picture => HandOverAsync(picture, stop));

    private async ValueTask<bool> HandOverAsync(byte[] picture, CancellationToken stop)
    {
        if (pictures.TryWrite(picture)) return true;
        limit.Pause();
        try
        {
            await pictures.WriteAsync(picture, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
        finally
        {
            limit.Resume();
        }
    }
}
