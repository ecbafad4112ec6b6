namespace VideoSearch.Indexer.Scanning;

/// <summary>A file with a video extension that must not be read (a link leading out of the root).</summary>
/// <param name="File">The file as found.</param>
/// <param name="Kind">Why, as a media error kind name (e.g. <c>outside_media_root</c>).</param>
/// <param name="Message">What is wrong, for a person.</param>
internal sealed record RejectedFile(ScannedFile File, string Kind, string Message);
