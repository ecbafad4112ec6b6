using System.Globalization;

namespace VideoSearch.Search.Contracts;

/// <summary>
/// The one check of a search request against <see cref="SearchOptions"/>: the query, the page (<c>top</c>,
/// <c>offset</c>) and the filters. Every host (the CLI, the web API) and the service itself use it, so a limit is
/// configured once, in the <c>Search</c> section, and every front end refuses the same requests with the same words.
/// </summary>
public static class SearchRequestValidator
{
    /// <summary>Every problem with <paramref name="request"/>, keyed by the request's property name (e.g. <c>Top</c>); empty when it is valid.</summary>
    public static IReadOnlyDictionary<string, string> FindProblems(SearchRequest request, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Query))
            problems[nameof(SearchRequest.Query)] = "The query is empty: type what you remember seeing.";
        else if (request.Query.Length > options.MaxQueryLength)
            problems[nameof(SearchRequest.Query)] = $"The query is {request.Query.Length} characters long; at most {options.MaxQueryLength} are accepted.";
        AddPageProblems(request.Top, request.Offset, request.Filters, options, problems);
        return problems;
    }

    /// <summary>Every problem with a search by example's page and filters, keyed like <see cref="FindProblems"/>.</summary>
    public static IReadOnlyDictionary<string, string> FindPageProblems(int top, SearchFilters? filters, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        AddPageProblems(top, 0, filters, options, problems);
        return problems;
    }

    /// <summary>Every problem with <paramref name="filters"/> alone (a listing pages by its own rules), keyed like <see cref="FindProblems"/>.</summary>
    public static IReadOnlyDictionary<string, string> FindFilterProblems(SearchFilters? filters)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        AddFilterProblems(filters, problems);
        return problems;
    }

    /// <summary>Throws when <paramref name="request"/> is invalid.</summary>
    /// <exception cref="SearchQueryException">The query is empty or too long, or the page or a filter is out of range; the message names each problem.</exception>
    public static void Validate(SearchRequest request, SearchOptions options) => ThrowIfAny(FindProblems(request, options));

    /// <summary>Throws when a search by example's page or filters are invalid.</summary>
    /// <exception cref="SearchQueryException">Top or a filter is out of range; the message names each problem.</exception>
    public static void ValidatePage(int top, SearchFilters? filters, SearchOptions options) => ThrowIfAny(FindPageProblems(top, filters, options));

    private static void ThrowIfAny(IReadOnlyDictionary<string, string> problems)
    {
        if (problems.Count > 0) throw new SearchQueryException(string.Join(" ", problems.Values));
    }

    private static void AddPageProblems(int top, int offset, SearchFilters? filters, SearchOptions options, Dictionary<string, string> problems)
    {
        if (top < 1 || top > options.MaxTop)
            problems[nameof(SearchRequest.Top)] = $"top must be between 1 and {options.MaxTop} (is {top}).";
        if (offset < 0 || offset > options.MaxOffset)
            problems[nameof(SearchRequest.Offset)] = $"offset must be between 0 and {options.MaxOffset} (is {offset}).";
        AddFilterProblems(filters, problems);
    }

    private static void AddFilterProblems(SearchFilters? filters, Dictionary<string, string> problems)
    {
        if (filters is null) return;
        if (!IsDuration(filters.MinDurationSeconds))
            problems[nameof(SearchFilters.MinDurationSeconds)] = $"The minimum duration must be a non-negative number of seconds (is {Format(filters.MinDurationSeconds)}).";
        if (!IsDuration(filters.MaxDurationSeconds))
            problems[nameof(SearchFilters.MaxDurationSeconds)] = $"The maximum duration must be a non-negative number of seconds (is {Format(filters.MaxDurationSeconds)}).";
        else if (filters.MinDurationSeconds is double min && filters.MaxDurationSeconds is double max && min > max)
            problems[nameof(SearchFilters.MaxDurationSeconds)] = $"The maximum duration ({Format(max)} s) is less than the minimum ({Format(min)} s).";
        if (filters.ModifiedAfter is DateTimeOffset after && filters.ModifiedBefore is DateTimeOffset before && after >= before)
            problems[nameof(SearchFilters.ModifiedBefore)] = "The modified-before instant must be later than the modified-after one.";
    }

    private static bool IsDuration(double? seconds) => seconds is null || (double.IsFinite(seconds.Value) && seconds.Value >= 0);

    private static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
