using System.ComponentModel;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using VideoSearch.Web.Library;

namespace VideoSearch.Web.Endpoints;

/// <summary>A clip's thumbnail and preview strip.</summary>
internal static class ClipEndpoints
{
    /// <summary>How long a browser may reuse a clip image without asking; a clip id's images never change.</summary>
    private const string CacheControl = "private, max-age=86400";

    public static RouteGroupBuilder MapClipEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clips/{clipId:long}/thumbnail", GetThumbnailAsync)
            .WithName("GetClipThumbnail")
            .WithSummary("A clip's thumbnail")
            .WithDescription("A JPEG frame from the clip, with an ETag (If-None-Match gives 304) and cache headers.")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/clips/{clipId:long}/preview", GetPreviewAsync)
            .WithName("GetClipPreview")
            .WithSummary("A clip's preview strip")
            .WithDescription("A JPEG of 4 of the clip's frames side by side, equal widths, left to right in time order " +
                             "(for a scrub preview), with an ETag (If-None-Match gives 304) and cache headers. 404 when the " +
                             "clip has none (indexed before preview strips existed): show the thumbnail instead.")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetThumbnailAsync(
        [Description("The clip's id.")] long clipId, IMediaLibrary library, HttpResponse response, CancellationToken cancellationToken) =>
        CachedJpeg(await library.GetThumbnailAsync(clipId, cancellationToken), response,
            "Thumbnail not found", $"No clip has id {clipId}.");

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPreviewAsync(
        [Description("The clip's id.")] long clipId, IMediaLibrary library, HttpResponse response, CancellationToken cancellationToken) =>
        CachedJpeg(await library.GetPreviewAsync(clipId, cancellationToken), response,
            "Preview not found", $"Clip {clipId} has no preview strip (or no clip has that id).");

    /// <summary>
    /// A stored clip image with a content ETag (the file result answers If-None-Match with 304) and the cache header,
    /// or the 404 problem when there is none.
    /// </summary>
    private static Results<FileContentHttpResult, ProblemHttpResult> CachedJpeg(byte[]? jpeg, HttpResponse response,
        string notFoundTitle, string notFoundDetail)
    {
        if (jpeg is null)
            return TypedResults.Problem(title: notFoundTitle, detail: notFoundDetail, statusCode: StatusCodes.Status404NotFound);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(jpeg), 0, 16) + "\"");
        response.Headers.CacheControl = CacheControl;
        return TypedResults.File(jpeg, "image/jpeg", entityTag: etag);
    }
}
