using VideoSearch.Core.Errors;

namespace VideoSearch.Search;

/// <summary>A search names a clip or video by id that the library does not hold (the web API answers 404).</summary>
public sealed class ClipNotFoundException(string message) : VideoSearchException(ErrorKind.NotFound, message);
