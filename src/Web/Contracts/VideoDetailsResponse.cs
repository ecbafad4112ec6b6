namespace VideoSearch.Web.Contracts;

/// <summary>An indexed video's details and clips.</summary>
/// <param name="VideoId">The video's id.</param>
/// <param name="FileName">The file's name.</param>
/// <param name="RelativePath">The file's path inside its media folder, with <c>/</c> separators.</param>
/// <param name="DurationSeconds">Length of the video.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="Modified">The file's last write time when it was indexed.</param>
/// <param name="StreamUrl">Where the browser can play the video (supports range requests).</param>
/// <param name="Clips">The video's clips in time order.</param>
public sealed record VideoDetailsResponse(
    long VideoId,
    string FileName,
    string RelativePath,
    double DurationSeconds,
    int Width,
    int Height,
    long SizeBytes,
    DateTimeOffset Modified,
    string StreamUrl,
    IReadOnlyList<ClipSummary> Clips);
