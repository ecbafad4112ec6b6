namespace VideoSearch.Core.Media;

/// <summary>
/// Reads fixed-size rgb24 pictures off the pipe FFMpegCore's <see cref="FFMpegCore.Pipes.StreamPipeSink"/> hands over,
/// one at a time, keeping at most <c>maxFrames</c> in memory (see <see cref="RawPictureReader"/>).
/// </summary>
internal sealed class RawFrameReader(int frameBytes, int maxFrames) : RawPictureReader(frameBytes, maxFrames)
{
    private readonly List<byte[]> _pictures = new(maxFrames);

    /// <summary>The pictures read, in order.</summary>
    public IReadOnlyList<byte[]> Pictures => _pictures;

    /// <summary>
    /// Reads until ffmpeg closes the pipe. FFMpegCore's token is not used for the reads: it fires as soon as ffmpeg
    /// exits, possibly before the last pictures still buffered in the socket have been read; the pipe ends anyway
    /// when ffmpeg exits or is killed.
    /// </summary>
    public Task ReadAsync(Stream pipe, CancellationToken pipeToken)
    {
        _ = pipeToken;
        return ReadPicturesAsync(pipe, picture =>
        {
            _pictures.Add(picture);
            return ValueTask.FromResult(true);
        });
    }
}
