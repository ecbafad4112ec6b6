namespace VideoSearch.Core.Media;

/// <summary>How <see cref="FrameExtractor.ExtractClipsAsync"/> decodes a clip plan.</summary>
public enum FrameExtractionMode
{
    /// <summary><see cref="DecodePassRule"/> chooses: one pass for dense plans, a seek per clip otherwise.</summary>
    Auto,

    /// <summary>One ffmpeg pass for every plan (for measurements; the bytes are the same either way).</summary>
    OnePass,

    /// <summary>One seek and one ffmpeg process per clip, the path before the one pass (for measurements and troubleshooting).</summary>
    PerClip,
}
