namespace VideoSearch.Core.Media;

/// <summary>The two FFmpeg executables the media code runs through FFMpegCore.</summary>
internal enum MediaTool
{
    /// <summary>ffprobe: container and stream facts, packet scans.</summary>
    Ffprobe,

    /// <summary>ffmpeg: frame decoding.</summary>
    Ffmpeg,
}
