namespace VideoSearch.Web.Library;

/// <summary>One indexed clip of a video: its id and time window.</summary>
/// <param name="ClipId">The catalog's clip id (also the thumbnail's id).</param>
/// <param name="StartSeconds">Start of the clip's window.</param>
/// <param name="EndSeconds">End of the clip's window.</param>
public sealed record ClipSpan(long ClipId, double StartSeconds, double EndSeconds);
