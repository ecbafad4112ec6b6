using VideoSearch.Web.Library;

namespace VideoSearch.Web.Tests.Support;

/// <summary>Stands in for the catalog: videos, thumbnails and preview strips held in memory, pointing at real files.</summary>
internal sealed class FakeMediaLibrary(IReadOnlyList<string> roots, IReadOnlyList<VideoDetails> videos, IReadOnlyDictionary<long, byte[]> thumbnails,
        IReadOnlyDictionary<long, byte[]> previews)
    : IMediaLibrary
{
    public IReadOnlyList<string> MediaRoots => roots;

    public Task<VideoDetails?> GetVideoAsync(long videoId, CancellationToken cancellationToken) =>
        Task.FromResult(videos.FirstOrDefault(v => v.VideoId == videoId));

    public Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken) =>
        Task.FromResult(thumbnails.GetValueOrDefault(clipId));

    public Task<byte[]?> GetPreviewAsync(long clipId, CancellationToken cancellationToken) =>
        Task.FromResult(previews.GetValueOrDefault(clipId));
}
