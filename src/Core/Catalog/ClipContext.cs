namespace VideoSearch.Core.Catalog;

/// <summary>What re-ranking and result grouping need of one clip.</summary>
/// <param name="ClipId">The clip id (its vector index id).</param>
/// <param name="VideoId">The video it belongs to.</param>
/// <param name="VideoPath">Full path of that video.</param>
/// <param name="ClipIndex">Position of the clip in its video.</param>
/// <param name="StartSeconds">Start of the clip's time range.</param>
/// <param name="EndSeconds">End of the clip's time range.</param>
/// <param name="Context">Decoded prompt-generator context, row-major <c>[patches, dim]</c>: a slice of
/// <see cref="ClipContextBatch.Contexts"/>.</param>
public sealed record ClipContext(
    long ClipId,
    VideoId VideoId,
    string VideoPath,
    int ClipIndex,
    double StartSeconds,
    double EndSeconds,
    ReadOnlyMemory<float> Context);
