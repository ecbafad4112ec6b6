namespace VideoSearch.Search.Contracts;

/// <summary>One matching clip of a video: where it is and how well it matches.</summary>
/// <param name="ClipId">The catalog's clip id (also the thumbnail's id).</param>
/// <param name="StartSeconds">Start of the clip's window in the video.</param>
/// <param name="EndSeconds">End of the clip's window in the video.</param>
/// <param name="Score">X-CLIP's <c>logits_per_video</c> for (query, clip).</param>
public sealed record ClipHit(long ClipId, double StartSeconds, double EndSeconds, float Score);
