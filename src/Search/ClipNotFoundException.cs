using VideoSearch.Core.Errors;

namespace VideoSearch.Search;

/// <summary>A search by example names a clip the library does not hold (the web API answers 404, the CLI exits 3).</summary>
public sealed class ClipNotFoundException(long clipId) : VideoSearchException(ErrorKind.NotFound, $"No indexed clip has id {clipId}.")
{
    /// <summary>The clip id asked for.</summary>
    public long ClipId { get; } = clipId;
}
