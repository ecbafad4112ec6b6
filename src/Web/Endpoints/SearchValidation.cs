using VideoSearch.Search;
using VideoSearch.Search.Contracts;
using VideoSearch.Web.Media;

namespace VideoSearch.Web.Endpoints;

/// <summary>
/// Turns the query string into the search service's request: the folder made a full path inside a media folder,
/// every limit checked by Search's own <see cref="SearchRequestValidator"/>, each problem keyed by its query parameter.
/// </summary>
internal static class SearchValidation
{
    /// <summary>Default page size when <c>top</c> is not given.</summary>
    internal const int DefaultTop = 10;

    /// <summary>Default page size of the library listing when <c>limit</c> is not given.</summary>
    internal const int DefaultLimit = 24;

    /// <summary>The query parameter of each request property the validator names.</summary>
    private static readonly Dictionary<string, string> s_parameters = new(StringComparer.Ordinal)
    {
        [nameof(SearchRequest.Query)] = "q",
        [nameof(SearchRequest.Top)] = "top",
        [nameof(SearchRequest.Offset)] = "offset",
        [nameof(SearchFilters.MinDurationSeconds)] = "minDuration",
        [nameof(SearchFilters.MaxDurationSeconds)] = "maxDuration",
        [nameof(SearchFilters.ModifiedAfter)] = "modifiedAfter",
        [nameof(SearchFilters.ModifiedBefore)] = "modifiedBefore",
    };

    /// <summary>The text search request, or the problems with the parameters.</summary>
    public static (SearchRequest? Request, Dictionary<string, string[]> Errors) ToRequest(SearchParameters p, SearchOptions options, MediaFileResolver paths)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        SearchFilters? filters = Filters(p.Folder, p.MinDuration, p.MaxDuration, p.ModifiedAfter, p.ModifiedBefore, paths, errors);
        var request = new SearchRequest((p.Q ?? "").Trim(), p.Top ?? DefaultTop, p.Offset ?? 0, filters);
        Add(SearchRequestValidator.FindProblems(request, options), errors);
        return (errors.Count == 0 ? request : null, errors);
    }

    /// <summary>The search by example's filters, or the problems with the parameters.</summary>
    public static (SearchFilters? Filters, Dictionary<string, string[]> Errors) ToFilters(SimilarParameters p, SearchOptions options, MediaFileResolver paths) =>
        PageFilters(p.Top, p.Folder, p.MinDuration, p.MaxDuration, p.ModifiedAfter, p.ModifiedBefore, options, paths);

    /// <summary>The search by an uploaded video's filters, or the problems with the parameters.</summary>
    public static (SearchFilters? Filters, Dictionary<string, string[]> Errors) ToFilters(ExampleParameters p, SearchOptions options, MediaFileResolver paths) =>
        PageFilters(p.Top, p.Folder, p.MinDuration, p.MaxDuration, p.ModifiedAfter, p.ModifiedBefore, options, paths);

    /// <summary>
    /// The library listing's page and filters, or the problems with the parameters. The page is checked here: a
    /// listing is cheap at any offset, so only search's page size bounds it, not search's deepest offset.
    /// </summary>
    public static (int Offset, int Limit, SearchFilters? Filters, Dictionary<string, string[]> Errors) ToListing(VideoListParameters p,
        SearchOptions options, MediaFileResolver paths)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        SearchFilters? filters = Filters(p.Folder, p.MinDuration, p.MaxDuration, p.ModifiedAfter, p.ModifiedBefore, paths, errors);
        Add(SearchRequestValidator.FindFilterProblems(filters), errors);
        int offset = p.Offset ?? 0, limit = p.Limit ?? DefaultLimit;
        if (offset < 0) errors["offset"] = [$"offset must be 0 or more (is {offset})."];
        if (limit < 1 || limit > options.MaxTop) errors["limit"] = [$"limit must be between 1 and {options.MaxTop} (is {limit})."];
        return (offset, limit, filters, errors);
    }

    private static (SearchFilters? Filters, Dictionary<string, string[]> Errors) PageFilters(int? top, string? folder, double? minDuration,
        double? maxDuration, DateTimeOffset? after, DateTimeOffset? before, SearchOptions options, MediaFileResolver paths)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        SearchFilters? filters = Filters(folder, minDuration, maxDuration, after, before, paths, errors);
        Add(SearchRequestValidator.FindPageProblems(top ?? DefaultTop, filters, options), errors);
        return (filters, errors);
    }

    private static SearchFilters? Filters(string? folder, double? minDuration, double? maxDuration, DateTimeOffset? after, DateTimeOffset? before,
        MediaFileResolver paths, Dictionary<string, string[]> errors)
    {
        string? fullFolder = null;
        if (!string.IsNullOrWhiteSpace(folder) && !paths.TryResolveFolder(folder, out fullFolder))
        {
            errors["folder"] = ["folder must name a folder inside a media folder by its relative path (e.g. holiday/2024); " +
                "it may not be absolute or leave the media folder."];
        }
        return fullFolder is null && minDuration is null && maxDuration is null && after is null && before is null
            ? null
            : new SearchFilters(fullFolder, minDuration, maxDuration, after, before);
    }

    private static void Add(IReadOnlyDictionary<string, string> problems, Dictionary<string, string[]> errors)
    {
        foreach (var (property, message) in problems) errors[s_parameters.GetValueOrDefault(property, property)] = [message];
    }
}
