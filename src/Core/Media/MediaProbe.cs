namespace VideoSearch.Core.Media;

/// <summary>
/// Probes video files with ffprobe: container, codecs, size, rotation, frame rate, duration and frame count.
/// A file whose header states no duration (live-recorded WebM) gets it from a bounded packet scan.
/// </summary>
public sealed class MediaProbe(MediaToolOptions? options = null)
{
    private readonly MediaToolOptions _options = options ?? MediaToolOptions.Default;

    /// <summary>
    /// Probes <paramref name="path"/>. Throws <see cref="MediaException"/> naming the file for anything that makes
    /// it unusable (missing, empty, not media, damaged, no video, tool missing, timeout).
    /// </summary>
    public async Task<VideoInfo> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        long length = FileLength(fullPath, path);
        if (length == 0) throw new MediaException(MediaErrorKind.EmptyFile, path, "the file is empty (0 bytes).");

        ToolResult result = await ToolProcess.RunAsync(
            new ToolInvocation(_options.FfprobePath, FfprobeArguments.Probe(fullPath), path, _options.ProbeTimeout),
            readStdout: null, onStderrLine: null, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            MediaErrorKind kind = ProbeFailureClassifier.Classify(ReadHeader(fullPath, path));
            string what = kind == MediaErrorKind.CorruptContainer
                ? "the container is damaged and cannot be opened"
                : "this is not a video file ffmpeg can read";
            throw new MediaException(kind, path, $"{what} (ffprobe: {result.StderrSummary}).");
        }

        ProbeFacts facts = FfprobeOutputParser.Parse(result.StandardOutput, path);
        if (facts.DurationSeconds is { } duration) return facts.ToVideoInfo(fullPath, duration, null);

        var (packets, end) = await ScanPacketsAsync(fullPath, path, cancellationToken).ConfigureAwait(false);
        if (end is not { } endTime || packets == 0)
        {
            throw new MediaException(MediaErrorKind.CorruptContainer, path, "the video stream holds no readable packets.");
        }
        // Packet times are stream timestamps; positions are counted from the container's start.
        return facts.ToVideoInfo(fullPath, Math.Max(endTime - facts.StartTimeSeconds, 1e-3), packets);
    }

    private async Task<(long Packets, double? End)> ScanPacketsAsync(string fullPath, string path, CancellationToken cancellationToken)
    {
        ToolResult scan = await ToolProcess.RunAsync(
            new ToolInvocation(_options.FfprobePath, FfprobeArguments.PacketScan(fullPath), path, _options.ScanTimeout),
            readStdout: null, onStderrLine: null, cancellationToken).ConfigureAwait(false);
        if (scan.ExitCode != 0)
        {
            throw new MediaException(MediaErrorKind.CorruptContainer, path, $"the packets cannot be read (ffprobe: {scan.StderrSummary}).");
        }
        return PacketScanParser.Parse(scan.StandardOutput);
    }

    private static long FileLength(string fullPath, string path)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists) throw new MediaException(MediaErrorKind.NotFound, path, "the file does not exist.");
        return info.Length;
    }

    private static byte[] ReadHeader(string fullPath, string path)
    {
        try
        {
            using var stream = File.OpenRead(fullPath);
            var buffer = new byte[ProbeFailureClassifier.HeaderLength];
            int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return buffer[..read];
        }
        catch (IOException e)
        {
            throw new MediaException(MediaErrorKind.NotFound, path, $"the file cannot be read ({e.Message}).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new MediaException(MediaErrorKind.NotFound, path, $"the file cannot be read ({e.Message}).", e);
        }
    }
}
