namespace VideoSearch.Web.Library;

/// <summary>An indexed video as the catalog knows it.</summary>
/// <param name="VideoId">The catalog's video id.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="DurationSeconds">Length of the video.</param>
/// <param name="Width">Frame width in pixels (after rotation).</param>
/// <param name="Height">Frame height in pixels (after rotation).</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="Modified">The file's last write time when it was indexed.</param>
/// <param name="Clips">The video's clips in time order.</param>
public sealed record VideoDetails(
    long VideoId,
    string Path,
    double DurationSeconds,
    int Width,
    int Height,
    long SizeBytes,
    DateTimeOffset Modified,
    IReadOnlyList<ClipSpan> Clips);
