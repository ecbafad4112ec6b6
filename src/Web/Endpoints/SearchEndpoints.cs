using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using VideoSearch.Search.Contracts;
using VideoSearch.Web.Contracts;
using VideoSearch.Web.Hosting;
using VideoSearch.Web.Media;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Endpoints;

/// <summary>Text search and search by example.</summary>
internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithSummary("Search the library by text")
            .WithDescription("Videos whose clips best match the query, best first, each with its matching clips, time ranges, scores and thumbnail URLs.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/clips/{clipId:long}/similar", SimilarAsync)
            .WithName("SearchSimilar")
            .WithSummary("Search by example")
            .WithDescription("Videos with clips that look like the given clip.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        return api;
    }

    internal static async Task<Results<Ok<SearchResultsResponse>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchParameters query,
        ISearchService search,
        MediaFileResolver paths,
        IOptions<WebServerOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = SearchValidation.Validate(query, options.Value);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The search request is invalid.");

        int top = query.Top ?? SearchValidation.DefaultTop;
        int offset = query.Offset ?? 0;
        var filters = SearchValidation.Filters(query.Folder, query.MinDuration, query.MaxDuration, query.ModifiedAfter, query.ModifiedBefore);
        var response = await search.SearchAsync(new SearchRequest(query.Q!.Trim(), top, offset, filters), cancellationToken);
        return TypedResults.Ok(SearchResultsMapper.ToResponse(response, offset, top, paths));
    }

    internal static async Task<Results<Ok<SearchResultsResponse>, ValidationProblem>> SimilarAsync(
        [AsParameters] SimilarParameters query,
        ISearchService search,
        MediaFileResolver paths,
        IOptions<WebServerOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = SearchValidation.Validate(query, options.Value);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The search request is invalid.");

        int top = query.Top ?? SearchValidation.DefaultTop;
        var filters = SearchValidation.Filters(query.Folder, query.MinDuration, query.MaxDuration, query.ModifiedAfter, query.ModifiedBefore);
        // An unknown clip id surfaces as KeyNotFoundException from the service; ProblemExceptionHandler makes it a 404.
        var response = await search.SearchSimilarAsync(query.ClipId, top, filters, cancellationToken);
        return TypedResults.Ok(SearchResultsMapper.ToResponse(response, 0, top, paths));
    }
}
