using FFMpegCore;

namespace VideoSearch.Core.Media;

/// <summary>
/// Reads fixed-size rgb24 pictures off a pipe one at a time, keeping at most <c>maxFrames</c>; what a subclass does
/// with each picture is up to it. It never throws: FFMpegCore drops a pipe reader's exception when ffmpeg then
/// fails, so anything odd is recorded here and judged by <see cref="ThrowIfBroken"/> after ffmpeg has finished.
/// </summary>
internal abstract class RawPictureReader(int frameBytes, int maxFrames)
{
    /// <summary>Whole pictures kept, at most <c>maxFrames</c>.</summary>
    public int Count { get; private set; }

    /// <summary>Whole pictures that arrived after <c>maxFrames</c> were read (drained and dropped).</summary>
    public int ExtraFrames { get; private set; }

    /// <summary>Bytes of a last picture that stopped part-way, 0 when the stream ended on a picture boundary.</summary>
    public int PartialBytes { get; private set; }

    /// <summary>The error that broke off reading (the pipe was reset or could not be opened), or null.</summary>
    public string? ReadError { get; set; }

    /// <summary>
    /// Throws <see cref="MediaErrorKind.DecodeFailed"/> when the pipe broke, ended part-way through a picture or
    /// carried more pictures than asked for.
    /// </summary>
    public void ThrowIfBroken(VideoInfo video, FFMpegResult result, string summary)
    {
        if (ReadError is { } error)
        {
            throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                $"the frame pipe broke ({error}; exit code {result.ExitCode}: {summary}).");
        }
        if (PartialBytes > 0)
        {
            throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                $"ffmpeg stopped part-way through a frame ({PartialBytes} of {video.DisplayWidth * video.DisplayHeight * 3} bytes).");
        }
        if (ExtraFrames > 0)
        {
            throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                $"ffmpeg sent {ExtraFrames} more frames than the {Count} asked for.");
        }
    }

    /// <summary>
    /// Reads until the pipe ends or <paramref name="keep"/> returns false; each whole picture up to
    /// <c>maxFrames</c> is handed to <paramref name="keep"/> in a new array.
    /// </summary>
    protected async Task ReadPicturesAsync(Stream pipe, Func<byte[], ValueTask<bool>> keep)
    {
        byte[]? spare = null;
        while (true)
        {
            byte[] buffer = Count < maxFrames ? new byte[frameBytes] : spare ??= new byte[frameBytes];
            int read;
            try
            {
                read = await pipe.ReadAtLeastAsync(buffer, frameBytes, throwOnEndOfStream: false, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                ReadError = e.Message;
                return;
            }
            if (read == 0) return;
            if (read < frameBytes)
            {
                PartialBytes = read;
                return;
            }
            if (ReferenceEquals(buffer, spare))
            {
                ExtraFrames++;
                continue;
            }
            Count++;
            if (!await keep(buffer).ConfigureAwait(false)) return;
        }
    }
}
