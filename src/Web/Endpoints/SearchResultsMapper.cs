using VideoSearch.Search.Contracts;
using VideoSearch.Web.Contracts;
using VideoSearch.Web.Media;

namespace VideoSearch.Web.Endpoints;

/// <summary>Turns the search service's answer into the API's result page (file names, URLs, paths shown inside their media folder).</summary>
internal static class SearchResultsMapper
{
    public static SearchResultsResponse ToResponse(SearchResponse response, int offset, int top, MediaFileResolver paths) =>
        new(
            response.Query,
            response.QueryTruncated,
            response.TotalVideos,
            offset,
            top,
            response.Videos.Select(v => ToResult(v, paths)).ToList(),
            response.Timings);

    private static VideoResult ToResult(VideoHit video, MediaFileResolver paths)
    {
        var clips = video.Clips
            .Select(c => new ClipResult(c.ClipId, c.StartSeconds, c.EndSeconds, c.Score, ApiUrls.Thumbnail(c.ClipId), ApiUrls.Similar(c.ClipId)))
            .ToList();
        return new VideoResult(
            video.VideoId,
            Path.GetFileName(video.Path),
            paths.DisplayPath(video.Path),
            video.DurationSeconds,
            video.Score,
            ApiUrls.Stream(video.VideoId),
            clips.Count > 0 ? clips[0].ThumbnailUrl : null,
            clips);
    }
}
