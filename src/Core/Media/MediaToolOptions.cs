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

    /// <summary>
    /// Fixed part of the limit for a one-pass decode of a whole clip plan (<see cref="FrameExtractor.ExtractClipsAsync"/>):
    /// 60 s, as for one clip, covers starting ffmpeg, the seek and, in files without a seek index, the linear read up
    /// to the first window.
    /// </summary>
    public TimeSpan PassTimeoutBase { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Part of the one-pass limit per second of video decoded (first to last frame time): 4 s. Decoding every frame
    /// of 1080p H.264 took 0.45 s per second of video on 2 shared cores under load (scripts/bench sampling), and UHD
    /// has four times the pixels, so 4 s leaves about twice that for UHD and more for anything smaller. The limit
    /// catches a stalled read; it is counted only while the pass waits for ffmpeg, never while the consumer holds it
    /// back, so a slow model cannot make it fire.
    /// </summary>
    public TimeSpan PassTimeoutPerVideoSecond { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// ffmpeg's decoder threads per process (its input <c>-threads</c>); 0 leaves the choice to ffmpeg (about one per
    /// core). The indexer sets it from its thread budget so decoding and the model do not oversubscribe the cores.
    /// The decoded bytes do not depend on it.
    /// </summary>
    public int DecodeThreads { get; init; }

    /// <summary>The input options every frame command starts with.</summary>
    internal string InputOptions =>
        "-hide_banner -nostdin -nostats -loglevel info" + (DecodeThreads > 0 ? $" -threads {DecodeThreads}" : "");

    /// <summary>The defaults above.</summary>
    public static MediaToolOptions Default { get; } = new();

    /// <summary>The one-pass limit for a span of <paramref name="seconds"/> of video: base + per second x span.</summary>
    public TimeSpan PassTimeout(double seconds) =>
        PassTimeoutBase + TimeSpan.FromSeconds(PassTimeoutPerVideoSecond.TotalSeconds * Math.Max(0, seconds));

    /// <summary>
    /// A fresh <see cref="FFOptions"/> for one call, so nothing touches FFMpegCore's process-wide
    /// <see cref="GlobalFFOptions"/>.
    /// </summary>
    internal FFOptions ToFFOptions() => new() { BinaryFolder = BinaryFolder ?? string.Empty };
}
