using FFMpegCore;
using FFMpegCore.Exceptions;

namespace VideoSearch.Core.Media;

/// <summary>
/// Probes video files with ffprobe through FFMpegCore: container, codecs, size, rotation, frame rate, duration and
/// frame count. A file whose header states no duration (live-recorded WebM) gets it from a bounded packet scan.
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

        FFOptions ffOptions = _options.ToFFOptions();
        using var input = CommandLineSafePath.For(fullPath);
        IMediaAnalysis analysis;
        try
        {
            analysis = await ToolCall.RunAsync(MediaTool.Ffprobe, ffOptions, path, _options.ProbeTimeout, cancellationToken,
                token => FFProbe.AnalyseAsync(input.Path, ffOptions, customArguments: null, token)).ConfigureAwait(false);
        }
        catch (FFProbeProcessException e)
        {
            MediaErrorKind kind = ProbeFailureClassifier.Classify(ReadHeader(fullPath, path));
            string what = kind == MediaErrorKind.CorruptContainer
                ? "the container is damaged and cannot be opened"
                : "this is not a video file ffmpeg can read";
            throw new MediaException(kind, path, $"{what} (ffprobe: {ToolCall.Summary(e.StandardError)}).", e);
        }
        catch (Exception e) when (MediaAnalysisReader.IsUnreadableReport(e))
        {
            throw MediaAnalysisReader.UnreadableReport(path, e);
        }

        ProbeFacts facts = MediaAnalysisReader.Read(analysis, path);
        if (facts.DurationSeconds is { } duration) return facts.ToVideoInfo(fullPath, duration, null);

        var (packets, end) = await ScanPacketsAsync(input.Path, path, facts, ffOptions, cancellationToken).ConfigureAwait(false);
        if (end is not { } endTime || packets == 0)
        {
            throw new MediaException(MediaErrorKind.CorruptContainer, path, "the video stream holds no readable packets.");
        }
        // Packet times are stream timestamps; positions are counted from the container's start.
        return facts.ToVideoInfo(fullPath, Math.Max(endTime - facts.StartTimeSeconds, 1e-3), packets);
    }

    /// <summary>
    /// Demuxes (does not decode) every packet of the video stream. Compact JSON with two fields per packet keeps
    /// FFMpegCore's in-memory copy of ffprobe's output to about 40 bytes a packet.
    /// </summary>
    private async Task<(long Packets, double? End)> ScanPacketsAsync(
        string inputPath, string path, ProbeFacts facts, FFOptions ffOptions, CancellationToken cancellationToken)
    {
        if (facts.TimeBase is not { } timeBase)
        {
            throw new MediaException(MediaErrorKind.CorruptContainer, path, "the video stream states neither a duration nor a time base.");
        }
        string entries = $"-select_streams {facts.StreamIndex} -show_entries packet=pts,duration -print_format json=compact=1";
        FFProbePackets scan;
        try
        {
            scan = await ToolCall.RunAsync(MediaTool.Ffprobe, ffOptions, path, _options.ScanTimeout, cancellationToken,
                token => FFProbe.GetPacketsAsync(inputPath, ffOptions, entries, token)).ConfigureAwait(false);
        }
        catch (FFProbeProcessException e)
        {
            throw new MediaException(MediaErrorKind.CorruptContainer, path, $"the packets cannot be read (ffprobe: {ToolCall.Summary(e.StandardError)}).", e);
        }
        catch (Exception e) when (MediaAnalysisReader.IsUnreadableReport(e))
        {
            throw new MediaException(MediaErrorKind.CorruptContainer, path, "ffprobe's packet list cannot be read.", e);
        }
        return PacketScanReader.Read(scan.Packets, timeBase);
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
