using FFMpegCore;

namespace VideoSearch.Core.Media;

/// <summary>Where ffprobe/ffmpeg are and how long each call may take.</summary>
public sealed record MediaToolOptions
{
    /// <summary>
    /// Folder holding the <c>ffprobe</c> and <c>ffmpeg</c> executables (FFMpegCore's <see cref="FFOptions.BinaryFolder"/>),
    /// or null to look both up on PATH. A folder without them is reported as <see cref="MediaErrorKind.ToolMissing"/>
    /// rather than silently falling back to PATH, as FFMpegCore alone would.
    /// </summary>
    public string? BinaryFolder { get; init; }

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

    /// <summary>
    /// A fresh <see cref="FFOptions"/> for one call, so nothing touches FFMpegCore's process-wide
    /// <see cref="GlobalFFOptions"/>.
    /// </summary>
    internal FFOptions ToFFOptions() => new() { BinaryFolder = BinaryFolder ?? string.Empty };
}
