namespace VideoSearch.Core.Media;

/// <summary>Where ffprobe/ffmpeg are and how long each call may take.</summary>
public sealed record MediaToolOptions
{
    /// <summary>ffprobe executable (a name looked up on PATH, or a full path).</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>ffmpeg executable (a name looked up on PATH, or a full path).</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>
    /// Limit for one ffprobe call. 30 s: reading a header takes milliseconds even on slow disks; the limit only
    /// catches stuck reads (network mounts, FIFOs).
    /// </summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Limit for the packet scan of a file whose header has no duration (the whole file is demuxed, not decoded).
    /// </summary>
    public TimeSpan ScanTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Limit for one frame-extraction call (one clip: a seek plus decoding one window). 60 s leaves room for
    /// files without a seek index, where ffmpeg reads linearly up to the window.
    /// </summary>
    public TimeSpan ExtractTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The defaults above.</summary>
    public static MediaToolOptions Default { get; } = new();
}
