using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using VideoSearch.Web.Contracts;
using VideoSearch.Web.Library;
using VideoSearch.Web.Media;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Endpoints;

/// <summary>A video's details and the video itself (by id, or by its path inside a media folder), with range requests.</summary>
internal static class VideoEndpoints
{
    public static RouteGroupBuilder MapVideoEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/videos/{videoId:long}", GetVideoAsync)
            .WithName("GetVideo")
            .WithSummary("A video's details")
            .WithDescription("Size, duration, frame size, modification time and clips of an indexed video.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/videos/{videoId:long}/stream", StreamAsync)
            .WithName("StreamVideo")
            .WithSummary("The video file")
            .WithDescription("The file itself, with HTTP range requests (206 Partial Content) so a player can seek. Only files inside the media folders are served.")
            .Produces<Stream>(StatusCodes.Status200OK, "video/mp4", "video/webm", "video/x-matroska", "video/quicktime")
            .Produces<Stream>(StatusCodes.Status206PartialContent, "video/mp4", "video/webm", "video/x-matroska", "video/quicktime")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Maps <c>GET /media/{**path}</c>: a video by its path inside a media folder.</summary>
    public static IEndpointRouteBuilder MapMediaEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{**path}", GetMediaFile)
            .WithName("GetMediaFile")
            .WithTags("Videos")
            .WithSummary("A video by its path inside a media folder")
            .WithDescription("Serves a video file by its path relative to a media folder, with range requests. Paths that leave the media folders (.., absolute paths, symbolic links pointing outside) are refused with 404.")
            .Produces<Stream>(StatusCodes.Status200OK, "video/mp4", "video/webm", "video/x-matroska", "video/quicktime")
            .Produces<Stream>(StatusCodes.Status206PartialContent, "video/mp4", "video/webm", "video/x-matroska", "video/quicktime")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Results<Ok<VideoDetailsResponse>, ProblemHttpResult>> GetVideoAsync(
        [Description("The video's id.")] long videoId, IMediaLibrary library, MediaFileResolver paths, CancellationToken cancellationToken)
    {
        var video = await library.GetVideoAsync(videoId, cancellationToken);
        if (video is null) return VideoNotFound(videoId);
        var clips = video.Clips.Select(c => new ClipSummary(c.ClipId, c.StartSeconds, c.EndSeconds, ApiUrls.Thumbnail(c.ClipId))).ToList();
        return TypedResults.Ok(new VideoDetailsResponse(
            video.VideoId,
            Path.GetFileName(video.Path),
            paths.DisplayPath(video.Path),
            video.DurationSeconds,
            video.Width,
            video.Height,
            video.SizeBytes,
            video.Modified,
            ApiUrls.Stream(video.VideoId),
            clips));
    }

    internal static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> StreamAsync(
        [Description("The video's id.")] long videoId, IMediaLibrary library, MediaFileResolver paths, HttpRequest request, CancellationToken cancellationToken)
    {
        var video = await library.GetVideoAsync(videoId, cancellationToken);
        if (video is null) return VideoNotFound(videoId);
        string? file = paths.ResolveFile(video.Path);
        if (file is null) return FileNotAvailable(videoId);
        return ServeFile(request, file, VideoContentTypes.For(file) ?? "application/octet-stream");
    }

    internal static Results<PhysicalFileHttpResult, ProblemHttpResult> GetMediaFile([Description("The file's path inside a media folder, e.g. holiday/beach.mp4.")] string path, MediaFileResolver paths, HttpRequest request)
    {
        // Only video files are served by path, so nothing else that happens to sit in a media folder leaks.
        string? file = paths.ResolveRelative(path);
        string? contentType = file is null ? null : VideoContentTypes.For(file);
        if (file is null || contentType is null)
        {
            return TypedResults.Problem(
                title: "Not found",
                detail: "No video file at this path inside the media folders.",
                statusCode: StatusCodes.Status404NotFound);
        }
        return ServeFile(request, file, contentType);
    }

    private static PhysicalFileHttpResult ServeFile(HttpRequest request, string file, string contentType)
    {
        // RFC 9110 14.2: a Range header in a unit the server does not support is ignored (200, whole body). Bytes are
        // the only unit here, but the framework would answer any other unit's numbers as byte ranges.
        string range = request.Headers.Range.ToString();
        if (range.Length > 0 && !range.TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) request.Headers.Remove(HeaderNames.Range);
        return TypedResults.PhysicalFile(file, contentType, lastModified: File.GetLastWriteTimeUtc(file), enableRangeProcessing: true);
    }

    internal static ProblemHttpResult VideoNotFound(long videoId) =>
        TypedResults.Problem(title: "Video not found", detail: $"No video has id {videoId}.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The answer for a known video whose file is gone or now lies outside the media folders.</summary>
    internal static ProblemHttpResult FileNotAvailable(long videoId) =>
        TypedResults.Problem(
            title: "Video file not available",
            detail: $"The file of video {videoId} is missing or lies outside the media folders.",
            statusCode: StatusCodes.Status404NotFound);
}
