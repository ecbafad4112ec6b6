namespace VideoSearch.Core.Media;

/// <summary>Why a media file could not be probed or decoded.</summary>
public enum MediaErrorKind
{
    /// <summary>The file does not exist (or vanished while it was being read).</summary>
    NotFound,

    /// <summary>The file has zero bytes.</summary>
    EmptyFile,

    /// <summary>The content is not a recognised audio/video container (e.g. a text file named .mp4).</summary>
    NotAMediaFile,

    /// <summary>The file starts like a known container but its structure is damaged (e.g. no MP4 'moov' index).</summary>
    CorruptContainer,

    /// <summary>The file holds no video stream (audio only, or only a cover picture).</summary>
    NoVideoStream,

    /// <summary>The data stops before the duration the file claims; later frames cannot be decoded.</summary>
    Truncated,

    /// <summary>The path, once symbolic links are resolved, lies outside the media root.</summary>
    OutsideMediaRoot,

    /// <summary>ffprobe or ffmpeg did not finish within its time limit and was stopped.</summary>
    Timeout,

    /// <summary>ffprobe or ffmpeg is not installed or cannot be started.</summary>
    ToolMissing,

    /// <summary>ffmpeg failed to decode the requested frames for another reason.</summary>
    DecodeFailed,
}
