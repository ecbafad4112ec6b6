using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;
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

    /// <summary>Filters like the catalog (folder by whole segments, duration, modified time) and orders newest first, ties by id.</summary>
    public Task<LibraryPage> ListVideosAsync(SearchFilters? filters, int offset, int limit, CancellationToken cancellationToken)
    {
        var matching = videos.Where(v => Passes(v, filters)).OrderByDescending(v => v.Modified).ThenBy(v => v.VideoId).ToList();
        var page = matching.Skip(offset).Take(limit).Select(v => new LibraryVideo(new VideoId(v.VideoId), v.Path, v.DurationSeconds,
            v.Width, v.Height, v.Modified.ToUnixTimeMilliseconds() * 1_000_000,
            v.Clips.Where(c => thumbnails.ContainsKey(c.ClipId)).Select(c => (long?)c.ClipId).FirstOrDefault())).ToList();
        return Task.FromResult(new LibraryPage(matching.Count, page));
    }

    public Task<IReadOnlyList<string>> ListVideoPathsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(videos.Select(v => v.Path).ToList());

    public Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken) =>
        Task.FromResult(thumbnails.GetValueOrDefault(clipId));

    public Task<byte[]?> GetPreviewAsync(long clipId, CancellationToken cancellationToken) =>
        Task.FromResult(previews.GetValueOrDefault(clipId));

    private static bool Passes(VideoDetails video, SearchFilters? filters) =>
        filters is null
        || ((filters.Folder is null || video.Path.StartsWith(Path.TrimEndingDirectorySeparator(filters.Folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            && (filters.MinDurationSeconds is null || video.DurationSeconds >= filters.MinDurationSeconds)
            && (filters.MaxDurationSeconds is null || video.DurationSeconds <= filters.MaxDurationSeconds)
            && (filters.ModifiedAfter is null || video.Modified >= filters.ModifiedAfter)
            && (filters.ModifiedBefore is null || video.Modified < filters.ModifiedBefore));
}
