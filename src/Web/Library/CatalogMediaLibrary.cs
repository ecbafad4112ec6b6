using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Web.Library;

/// <summary><see cref="IMediaLibrary"/> over the SQLite catalog (the library's source of truth).</summary>
public sealed class CatalogMediaLibrary(VideoCatalog catalog, IReadOnlyList<string> mediaRoots) : IMediaLibrary
{
    /// <inheritdoc />
    public IReadOnlyList<string> MediaRoots { get; } = mediaRoots;

    /// <inheritdoc />
    public async Task<VideoDetails?> GetVideoAsync(long videoId, CancellationToken cancellationToken)
    {
        VideoRecord? video = await catalog.Videos.GetAsync(new VideoId(videoId), cancellationToken).ConfigureAwait(false);
        if (video is null || video.Status != VideoStatus.Indexed) return null;
        var clips = await catalog.Clips.ListByVideoAsync(video.Id, cancellationToken).ConfigureAwait(false);
        VideoMetadata? metadata = video.Metadata;
        return new VideoDetails(
            videoId,
            video.Path,
            metadata?.DurationSeconds ?? 0,
            metadata?.Width ?? 0,
            metadata?.Height ?? 0,
            video.File.Size,
            DateTimeOffset.FromUnixTimeMilliseconds(video.File.ModifiedUnixNs / 1_000_000),
            clips.Select(c => new ClipSpan(c.ClipId, c.StartSeconds, c.EndSeconds)).ToList());
    }

    /// <inheritdoc />
    public Task<LibraryPage> ListVideosAsync(SearchFilters? filters, int offset, int limit, CancellationToken cancellationToken)
    {
        var filter = filters is null ? new ClipFilter() : new ClipFilter(filters.Folder, filters.MinDurationSeconds,
            filters.MaxDurationSeconds, filters.ModifiedAfter, filters.ModifiedBefore);
        return catalog.Library.ListAsync(filter, offset, limit, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListVideoPathsAsync(CancellationToken cancellationToken) =>
        catalog.Library.ListIndexedPathsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken) =>
        catalog.Clips.GetThumbnailAsync(clipId, cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetPreviewAsync(long clipId, CancellationToken cancellationToken) =>
        catalog.Clips.GetPreviewAsync(clipId, cancellationToken);
}
