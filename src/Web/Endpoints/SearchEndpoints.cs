using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using VideoSearch.Search;
using VideoSearch.Search.Contracts;
using VideoSearch.Web.Contracts;
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
            .WithDescription("Videos ranked by their best moment, each with its moments best first (start, end, peak, score, relevance against the library's own scores, match level) and the clips behind them; calibration and bestMatch for the page.")
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
        IOptions<SearchOptions> options,
        CancellationToken cancellationToken)
    {
        var (request, errors) = SearchValidation.ToRequest(query, options.Value, paths);
        if (request is null) return TypedResults.ValidationProblem(errors, title: "The search request is invalid.");

        var response = await search.SearchAsync(request, cancellationToken);
        return TypedResults.Ok(SearchResultsMapper.ToResponse(response, request.Offset, request.Top, paths));
    }

    internal static async Task<Results<Ok<SearchResultsResponse>, ValidationProblem>> SimilarAsync(
        [AsParameters] SimilarParameters query,
        ISearchService search,
        MediaFileResolver paths,
        IOptions<SearchOptions> options,
        CancellationToken cancellationToken)
    {
        var (filters, errors) = SearchValidation.ToFilters(query, options.Value, paths);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The search request is invalid.");

        int top = query.Top ?? SearchValidation.DefaultTop;
        // An unknown clip id surfaces as a NotFound-kind exception (ClipNotFoundException) from the service; ProblemExceptionHandler makes it a 404.
        var response = await search.SearchSimilarAsync(query.ClipId, top, filters, cancellationToken);
        return TypedResults.Ok(SearchResultsMapper.ToResponse(response, 0, top, paths));
    }
}
