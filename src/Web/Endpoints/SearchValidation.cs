using VideoSearch.Search.Contracts;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Web.Endpoints;

/// <summary>Checks search parameters against the configured limits; each problem is keyed by its query parameter.</summary>
internal static class SearchValidation
{
    /// <summary>Default page size when <c>top</c> is not given.</summary>
    internal const int DefaultTop = 10;

    public static Dictionary<string, string[]> Validate(SearchParameters p, WebServerOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(p.Q))
            errors["q"] = ["The query is empty."];
        else if (p.Q.Length > limits.MaxQueryLength)
            errors["q"] = [$"The query is {p.Q.Length} characters long; at most {limits.MaxQueryLength} are accepted."];
        CheckTop(p.Top, limits, errors);
        if (p.Offset is < 0 || p.Offset > limits.MaxOffset)
            errors["offset"] = [$"offset must be between 0 and {limits.MaxOffset} (is {p.Offset})."];
        CheckFilters(p.MinDuration, p.MaxDuration, p.ModifiedAfter, p.ModifiedBefore, p.Folder, limits, errors);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(SimilarParameters p, WebServerOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        CheckTop(p.Top, limits, errors);
        CheckFilters(p.MinDuration, p.MaxDuration, p.ModifiedAfter, p.ModifiedBefore, p.Folder, limits, errors);
        return errors;
    }

    public static SearchFilters? Filters(string? folder, double? minDuration, double? maxDuration, DateTimeOffset? after, DateTimeOffset? before) =>
        folder is null && minDuration is null && maxDuration is null && after is null && before is null
            ? null
            : new SearchFilters(string.IsNullOrWhiteSpace(folder) ? null : folder, minDuration, maxDuration, after, before);

    private static void CheckTop(int? top, WebServerOptions limits, Dictionary<string, string[]> errors)
    {
        if (top is < 1 || top > limits.MaxTop)
            errors["top"] = [$"top must be between 1 and {limits.MaxTop} (is {top})."];
    }

    private static void CheckFilters(double? min, double? max, DateTimeOffset? after, DateTimeOffset? before, string? folder,
        WebServerOptions limits, Dictionary<string, string[]> errors)
    {
        if (min is < 0 || (min is double mn && !double.IsFinite(mn))) errors["minDuration"] = [$"minDuration must be a non-negative number of seconds (is {min})."];
        if (max is < 0 || (max is double mx && !double.IsFinite(mx))) errors["maxDuration"] = [$"maxDuration must be a non-negative number of seconds (is {max})."];
        if (min is double a && max is double b && a > b) errors["maxDuration"] = [$"maxDuration ({b}) is less than minDuration ({a})."];
        if (after is DateTimeOffset x && before is DateTimeOffset y && x >= y)
            errors["modifiedBefore"] = ["modifiedBefore must be later than modifiedAfter."];
        if (folder is { Length: > 0 } && (folder.Length > limits.MaxQueryLength || folder.Contains('\0')))
            errors["folder"] = [$"folder must be a path of at most {limits.MaxQueryLength} characters."];
    }
}
