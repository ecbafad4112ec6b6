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
            response.Timings,
            response.Calibration,
            response.BestMatch,
            response.Videos.Select(v => ToResult(v, paths)).ToList());

    private static VideoResult ToResult(VideoHit video, MediaFileResolver paths)
    {
        var moments = video.Moments.Select(ToResult).ToList();
        return new VideoResult(
            video.VideoId,
            Path.GetFileName(video.Path),
            paths.DisplayPath(video.Path),
            video.DurationSeconds,
            video.Modified,
            video.Score,
            ApiUrls.Stream(video.VideoId),
            ApiUrls.Playback(video.VideoId),
            moments.Count > 0 ? moments[0].ThumbnailUrl : null,
            moments);
    }

    private static MomentResult ToResult(Moment moment) =>
        new(
            moment.StartSeconds,
            moment.EndSeconds,
            moment.PeakSeconds,
            moment.Score,
            moment.Relevance,
            moment.Match,
            moment.PeakClipId,
            ApiUrls.Thumbnail(moment.PeakClipId),
            ApiUrls.Similar(moment.PeakClipId),
            moment.Clips.Select(c => new ClipResult(c.ClipId, c.StartSeconds, c.EndSeconds, c.Score,
                ApiUrls.Thumbnail(c.ClipId), ApiUrls.Preview(c.ClipId), ApiUrls.Similar(c.ClipId))).ToList());
}
