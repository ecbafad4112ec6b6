namespace VideoSearch.Core.Catalog;

/// <summary>One indexed video as the library listing shows it.</summary>
/// <param name="Id">The video's id.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="DurationSeconds">Length of the video (0 when the probe found none).</param>
/// <param name="Width">Frame width in pixels (0 when unknown).</param>
/// <param name="Height">Frame height in pixels (0 when unknown).</param>
/// <param name="ModifiedUnixNs">The file's last write time when it was indexed, in nanoseconds since the Unix epoch.</param>
/// <param name="ThumbnailClipId">The clip whose thumbnail stands for the video (the one nearest its middle), or null when no clip has one.</param>
public sealed record LibraryVideo(VideoId Id, string Path, double DurationSeconds, int Width, int Height, long ModifiedUnixNs, long? ThumbnailClipId);
