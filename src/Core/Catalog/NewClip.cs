using VideoSearch.Core.Model;

namespace VideoSearch.Core.Catalog;

/// <summary>One clip of a video, ready to be stored by <see cref="IndexedVideoWriter.CompleteVideoAsync(VideoId, VideoMetadata, IReadOnlyList{NewClip}, XClipPrecision, CancellationToken)"/>.</summary>
/// <param name="ClipIndex">Position of the clip in its video (0-based, unique per video).</param>
/// <param name="StartSeconds">Start of the clip's time range.</param>
/// <param name="EndSeconds">End of the clip's time range.</param>
/// <param name="FrameTimes">Timestamps (seconds) of the frames the model saw.</param>
/// <param name="Embedding">The video embedding, <c>ModelState.EmbeddingDim</c> floats, stored exactly (float32).</param>
/// <param name="Context">The prompt generator's visual input, row-major <c>[patches, dim]</c> as in <see cref="ModelState"/>.</param>
/// <param name="ThumbnailJpeg">A small JPEG of the clip's middle frame.</param>
/// <param name="PreviewJpeg">The clip's preview strip (a JPEG of a few of its frames side by side), or null for none.</param>
public sealed record NewClip(
    int ClipIndex,
    double StartSeconds,
    double EndSeconds,
    double[] FrameTimes,
    float[] Embedding,
    float[] Context,
    byte[] ThumbnailJpeg,
    byte[]? PreviewJpeg = null);
