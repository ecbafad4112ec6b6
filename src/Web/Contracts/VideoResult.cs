namespace VideoSearch.Web.Contracts;

/// <summary>One matching video in a result page.</summary>
/// <param name="VideoId">The video's id (for <c>/api/videos/{id}</c>).</param>
/// <param name="FileName">The file's name.</param>
/// <param name="RelativePath">The file's path inside its media folder, with <c>/</c> separators.</param>
/// <param name="DurationSeconds">Length of the video.</param>
/// <param name="Modified">The file's last write time when it was indexed.</param>
/// <param name="Score">The best moment's score.</param>
/// <param name="StreamUrl">The file itself (supports range requests).</param>
/// <param name="PlaybackUrl">How the browser should play the video: directly or through a transcode.</param>
/// <param name="ThumbnailUrl">The best moment's thumbnail.</param>
/// <param name="Moments">The matching moments, best first; no two overlap.</param>
public sealed record VideoResult(
    long VideoId,
    string FileName,
    string RelativePath,
    double DurationSeconds,
    DateTimeOffset Modified,
    float Score,
    string StreamUrl,
    string PlaybackUrl,
    string? ThumbnailUrl,
    IReadOnlyList<MomentResult> Moments);
