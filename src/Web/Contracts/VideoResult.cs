namespace VideoSearch.Web.Contracts;

/// <summary>One matching video in a result page.</summary>
/// <param name="VideoId">The video's id (for <c>/api/videos/{id}</c>).</param>
/// <param name="FileName">The file's name.</param>
/// <param name="RelativePath">The file's path inside its media folder, with <c>/</c> separators.</param>
/// <param name="DurationSeconds">Length of the video.</param>
/// <param name="Score">The best clip's score.</param>
/// <param name="StreamUrl">Where the browser can play the video (supports range requests).</param>
/// <param name="ThumbnailUrl">The best clip's thumbnail.</param>
/// <param name="Clips">The matching clips, best first.</param>
public sealed record VideoResult(
    long VideoId,
    string FileName,
    string RelativePath,
    double DurationSeconds,
    float Score,
    string StreamUrl,
    string? ThumbnailUrl,
    IReadOnlyList<ClipResult> Clips);
