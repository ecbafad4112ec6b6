namespace VideoSearch.Web.Contracts;

/// <summary>One video of the library listing.</summary>
/// <param name="VideoId">The video's id (for <c>/api/videos/{id}</c>).</param>
/// <param name="FileName">The file's name.</param>
/// <param name="RelativePath">The file's path inside its media folder, with <c>/</c> separators.</param>
/// <param name="DurationSeconds">Length of the video.</param>
/// <param name="Modified">The file's last write time when it was indexed.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="ThumbnailUrl">A thumbnail from the middle of the video, or null when it has none.</param>
/// <param name="PlaybackUrl">How the browser should play it (<c>/api/videos/{id}/playback</c>).</param>
public sealed record LibraryVideoItem(
    long VideoId,
    string FileName,
    string RelativePath,
    double DurationSeconds,
    DateTimeOffset Modified,
    int Width,
    int Height,
    string? ThumbnailUrl,
    string PlaybackUrl);
