namespace VideoSearch.Web.Library;

/// <summary>What the web layer needs from the catalog: a video's details, a clip's thumbnail and the media folders.</summary>
public interface IMediaLibrary
{
    /// <summary>The configured media folders; only files inside them are ever served.</summary>
    IReadOnlyList<string> MediaRoots { get; }

    /// <summary>A video's details and clips, or null when no video has this id.</summary>
    Task<VideoDetails?> GetVideoAsync(long videoId, CancellationToken cancellationToken);

    /// <summary>A clip's thumbnail as JPEG bytes, or null when no clip has this id.</summary>
    Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken);
}
