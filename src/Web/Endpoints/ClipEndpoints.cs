using System.ComponentModel;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using VideoSearch.Web.Library;

namespace VideoSearch.Web.Endpoints;

/// <summary>A clip's thumbnail.</summary>
internal static class ClipEndpoints
{
    /// <summary>How long a browser may reuse a thumbnail without asking; a clip id's thumbnail never changes.</summary>
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
        return api;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetThumbnailAsync(
        [Description("The clip's id.")] long clipId, IMediaLibrary library, HttpResponse response, CancellationToken cancellationToken)
    {
        byte[]? jpeg = await library.GetThumbnailAsync(clipId, cancellationToken);
        if (jpeg is null)
            return TypedResults.Problem(title: "Thumbnail not found", detail: $"No clip has id {clipId}.", statusCode: StatusCodes.Status404NotFound);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(jpeg), 0, 16) + "\"");
        response.Headers.CacheControl = CacheControl;
        return TypedResults.File(jpeg, "image/jpeg", entityTag: etag);
    }
}
