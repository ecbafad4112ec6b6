namespace VideoSearch.Web.Contracts;

/// <summary>One clip of a video's details.</summary>
/// <param name="ClipId">The clip's id.</param>
/// <param name="StartSeconds">Start of the clip in the video.</param>
/// <param name="EndSeconds">End of the clip in the video.</param>
/// <param name="ThumbnailUrl">The clip's thumbnail (JPEG).</param>
public sealed record ClipSummary(long ClipId, double StartSeconds, double EndSeconds, string ThumbnailUrl);
