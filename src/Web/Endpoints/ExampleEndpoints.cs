using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using VideoSearch.Search;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Examples;
using VideoSearch.Search.Labels;
using VideoSearch.Web.Contracts;
using VideoSearch.Web.Media;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Endpoints;

/// <summary>Search by an uploaded video, and zero-shot labels of an indexed video or clip.</summary>
internal static class ExampleEndpoints
{
    public static RouteGroupBuilder MapExampleEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/search/example", SearchByVideoAsync)
            .WithName("SearchByVideo")
            .WithSummary("Search by an uploaded video")
            .WithDescription("The body is a video file or a still image (Content-Type video/*, image/jpeg, image/png, image/webp " +
                             "or application/octet-stream, at most 100 MB); an image is searched as a clip of that one picture. " +
                             "It is read from a temporary file that is deleted afterwards, never stored in the library.")
            .Accepts<Stream>("video/mp4", "video/webm", "video/quicktime", "image/jpeg", "image/png", "image/webp", "application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/videos/{videoId:long}/labels", VideoLabelsAsync)
            .WithName("VideoLabels")
            .WithSummary("Zero-shot labels of a video")
            .WithDescription("The probability of each label for the video (softmax over X-CLIP's logits, averaged over its clips).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/clips/{clipId:long}/labels", ClipLabelsAsync)
            .WithName("ClipLabels")
            .WithSummary("Zero-shot labels of a clip")
            .WithDescription("The probability of each label for the clip (softmax over X-CLIP's logits).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        return api;
    }

    internal static async Task<Results<Ok<SearchResultsResponse>, ValidationProblem, ProblemHttpResult>> SearchByVideoAsync(
        [AsParameters] ExampleParameters query,
        HttpContext context,
        [FromServices] VideoExampleEncoder encoder,
        [FromServices] ISearchService search,
        [FromServices] MediaFileResolver paths,
        [FromServices] IOptions<SearchOptions> options,
        CancellationToken cancellationToken)
    {
        var (filters, errors) = SearchValidation.ToFilters(query, options.Value, paths);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The search request is invalid.");
        if (!ExampleUpload.Accepts(context.Request.ContentType))
            return TypedResults.Problem("Send the video or image as the request body with Content-Type video/*, image/jpeg, " +
                                        "image/png, image/webp or application/octet-stream.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        await using ExampleUpload? upload = await ExampleUpload.SaveAsync(context, cancellationToken);
        if (upload is null)
            return TypedResults.Problem($"The video is larger than {ExampleUpload.MaxBytes / (1024 * 1024)} MB; send a shorter clip.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        // A file that is not a video is a MediaException (invalid input): ProblemExceptionHandler answers 400.
        float[] embedding = await encoder.EncodeAsync(upload.FilePath, cancellationToken);
        int top = query.Top ?? SearchValidation.DefaultTop;
        var response = await search.SearchSimilarAsync(embedding, top, filters, cancellationToken);
        return TypedResults.Ok(SearchResultsMapper.ToResponse(response, 0, top, paths));
    }

    internal static async Task<Ok<IReadOnlyList<LabelScore>>> VideoLabelsAsync(long videoId, [FromQuery(Name = "labels")] string? labels,
        [FromServices] LabelClassifier classifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await classifier.ClassifyVideoAsync(videoId, Split(labels), cancellationToken));

    internal static async Task<Ok<IReadOnlyList<LabelScore>>> ClipLabelsAsync(long clipId, [FromQuery(Name = "labels")] string? labels,
        [FromServices] LabelClassifier classifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await classifier.ClassifyClipAsync(clipId, Split(labels), cancellationToken));

    // Fewer than two labels is the classifier's SearchQueryException (invalid input, answered 400).
    private static IReadOnlyList<string> Split(string? labels) =>
        (labels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
