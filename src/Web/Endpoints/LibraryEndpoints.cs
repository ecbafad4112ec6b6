using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using VideoSearch.Search;
using VideoSearch.Web.Contracts;
using VideoSearch.Web.Library;
using VideoSearch.Web.Media;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Endpoints;

/// <summary>Browsing the library without a query: the indexed videos, paged, and the folders that hold them.</summary>
internal static class LibraryEndpoints
{
    public static RouteGroupBuilder MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/videos", ListVideosAsync)
            .WithName("ListVideos")
            .WithSummary("The library's videos, newest first")
            .WithDescription("Indexed videos that pass the filters, newest modified first (ties by id), paged by offset and limit, " +
                             "each with a thumbnail and its playback URL.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/folders", ListFoldersAsync)
            .WithName("ListFolders")
            .WithSummary("The folders that hold indexed videos")
            .WithDescription("Paths inside the media folders with / separators (every ancestor too), sorted; each is a valid folder filter.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        return api;
    }

    internal static async Task<Results<Ok<VideoListResponse>, ValidationProblem>> ListVideosAsync(
        [AsParameters] VideoListParameters query,
        IMediaLibrary library,
        MediaFileResolver paths,
        IOptions<SearchOptions> options,
        CancellationToken cancellationToken)
    {
        var (offset, limit, filters, errors) = SearchValidation.ToListing(query, options.Value, paths);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The listing request is invalid.");

        var page = await library.ListVideosAsync(filters, offset, limit, cancellationToken);
        var videos = page.Videos.Select(v => new LibraryVideoItem(
                v.Id.Value,
                Path.GetFileName(v.Path),
                paths.DisplayPath(v.Path),
                v.DurationSeconds,
                DateTimeOffset.FromUnixTimeMilliseconds(v.ModifiedUnixNs / 1_000_000),
                v.Width,
                v.Height,
                v.ThumbnailClipId is long clip ? ApiUrls.Thumbnail(clip) : null,
                ApiUrls.Playback(v.Id.Value)))
            .ToList();
        return TypedResults.Ok(new VideoListResponse(page.Total, offset, limit, videos));
    }

    internal static async Task<Ok<IReadOnlyList<string>>> ListFoldersAsync(IMediaLibrary library, CancellationToken cancellationToken)
    {
        var videoPaths = await library.ListVideoPathsAsync(cancellationToken);
        return TypedResults.Ok(LibraryFolders.From(videoPaths, library.MediaRoots));
    }
}
