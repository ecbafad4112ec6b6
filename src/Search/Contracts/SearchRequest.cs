namespace VideoSearch.Search.Contracts;

/// <summary>A text query against the indexed library.</summary>
/// <param name="Query">What the user remembers seeing, in words.</param>
/// <param name="Top">How many videos to return.</param>
/// <param name="Offset">How many of the best videos to skip (paging).</param>
/// <param name="Filters">Optional restrictions on which videos may match.</param>
public sealed record SearchRequest(string Query, int Top = 10, int Offset = 0, SearchFilters? Filters = null);
