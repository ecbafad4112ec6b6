using VideoSearch.Core.Errors;

namespace VideoSearch.Search;

/// <summary>A query that cannot be searched (empty, or an unknown clip for query by example); the message says why.</summary>
public sealed class SearchQueryException(string message) : VideoSearchException(ErrorKind.InvalidInput, message);
