namespace VideoSearch.Core.Catalog;

/// <summary>
/// This process's lease on a video ran out and another process took the video over (this one was stalled, or cut off
/// from the database, longer than the lease): what it computed is not stored, since the new holder stores its own.
/// </summary>
public sealed class VideoLeaseLostException(string location, VideoId id, string videoPath)
    : CatalogException(location, $"The lease on '{videoPath}' (video {id}) ran out and another indexer took it over; its result here was not stored")
{
    /// <summary>The video taken over.</summary>
    public VideoId VideoId { get; } = id;
}
