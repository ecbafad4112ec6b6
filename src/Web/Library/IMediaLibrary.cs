using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Web.Library;

/// <summary>What the web layer needs from the catalog: a video's details, the library listing, a clip's thumbnail and preview strip, and the media folders.</summary>
public interface IMediaLibrary
{
    /// <summary>The configured media folders; only files inside them are ever served.</summary>
    IReadOnlyList<string> MediaRoots { get; }

    /// <summary>A video's details and clips, or null when no video has this id.</summary>
    Task<VideoDetails?> GetVideoAsync(long videoId, CancellationToken cancellationToken);

    /// <summary>
    /// The indexed videos that pass <paramref name="filters"/> (null: all), newest modified first, ties by id, from
    /// <paramref name="offset"/>, at most <paramref name="limit"/>, with the total before paging.
    /// </summary>
    Task<LibraryPage> ListVideosAsync(SearchFilters? filters, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The full path of every indexed video.</summary>
    Task<IReadOnlyList<string>> ListVideoPathsAsync(CancellationToken cancellationToken);

    /// <summary>A clip's thumbnail as JPEG bytes, or null when no clip has this id.</summary>
    Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken);

    /// <summary>
    /// A clip's preview strip (4 of its frames side by side) as JPEG bytes, or null when no clip has this id or the
    /// clip has none (libraries indexed before preview strips existed).
    /// </summary>
    Task<byte[]?> GetPreviewAsync(long clipId, CancellationToken cancellationToken);
}
