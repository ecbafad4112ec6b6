namespace VideoSearch.Core.Media;

/// <summary>
/// Reads fixed-size rgb24 pictures off the pipe FFMpegCore's <see cref="FFMpegCore.Pipes.StreamPipeSink"/> hands over,
/// one at a time, keeping at most <c>maxFrames</c>. It never throws: FFMpegCore swallows an exception from a pipe
/// reader when ffmpeg then exits with an error (which it does once the reader stops), so anything odd is recorded
/// here and judged by the caller after ffmpeg has finished.
/// </summary>
internal sealed class RawFrameReader(int frameBytes, int maxFrames)
{
    private readonly List<byte[]> _pictures = new(maxFrames);

    /// <summary>The pictures read, in order.</summary>
    public IReadOnlyList<byte[]> Pictures => _pictures;

    /// <summary>Whole pictures that arrived after <c>maxFrames</c> were read (drained and dropped).</summary>
    public int ExtraFrames { get; private set; }

    /// <summary>Bytes of a last picture that stopped part-way, 0 when the stream ended on a picture boundary.</summary>
    public int PartialBytes { get; private set; }

    /// <summary>The error that broke off reading (the pipe was reset), or null.</summary>
    public string? ReadError { get; private set; }

    /// <summary>
    /// Reads until ffmpeg closes the pipe. FFMpegCore's token is not used for the reads: it fires as soon as ffmpeg
    /// exits, possibly before the last pictures still buffered in the socket have been read; the pipe ends anyway
    /// when ffmpeg exits or is killed.
    /// </summary>
    public async Task ReadAsync(Stream pipe, CancellationToken pipeToken)
    {
        _ = pipeToken;
        var spare = new byte[frameBytes];
        while (true)
        {
            byte[] buffer = _pictures.Count < maxFrames ? new byte[frameBytes] : spare;
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
            if (ReferenceEquals(buffer, spare)) ExtraFrames++;
            else _pictures.Add(buffer);
        }
    }
}
