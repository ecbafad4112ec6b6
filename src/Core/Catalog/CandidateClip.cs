namespace VideoSearch.Core.Catalog;

/// <summary>What grouping and results need of one clip and its video.</summary>
/// <param name="ClipId">The clip id (its vector index id, also its thumbnail id).</param>
/// <param name="VideoId">The video it belongs to.</param>
/// <param name="VideoPath">Full path of that video.</param>
/// <param name="VideoDurationSeconds">Length of the video, 0 when unknown.</param>
/// <param name="StartSeconds">Start of the clip's time range.</param>
/// <param name="EndSeconds">End of the clip's time range.</param>
/// <param name="VideoModified">The video file's last write time when it was indexed.</param>
public sealed record CandidateClip(
    long ClipId,
    long VideoId,
    string VideoPath,
    double VideoDurationSeconds,
    double StartSeconds,
    double EndSeconds,
    DateTimeOffset VideoModified);
