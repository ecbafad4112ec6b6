namespace VideoSearch.Web.Contracts;

/// <summary>One matching clip of a video in a result page.</summary>
/// <param name="ClipId">The clip's id.</param>
/// <param name="StartSeconds">Start of the clip in the video.</param>
/// <param name="EndSeconds">End of the clip in the video.</param>
/// <param name="Score">How well the clip matches the query (X-CLIP logit).</param>
/// <param name="ThumbnailUrl">The clip's thumbnail (JPEG).</param>
/// <param name="SimilarUrl">Search by example: clips that look like this one.</param>
public sealed record ClipResult(long ClipId, double StartSeconds, double EndSeconds, float Score, string ThumbnailUrl, string SimilarUrl);
