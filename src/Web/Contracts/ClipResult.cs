namespace VideoSearch.Web.Contracts;

/// <summary>One matching clip behind a moment.</summary>
/// <param name="ClipId">The clip's id.</param>
/// <param name="StartSeconds">Start of the clip in the video.</param>
/// <param name="EndSeconds">End of the clip in the video.</param>
/// <param name="Score">How well the clip matches the query (X-CLIP logit; cosine for a search by example).</param>
/// <param name="ThumbnailUrl">The clip's thumbnail (JPEG).</param>
/// <param name="PreviewUrl">The clip's preview strip (a few frames side by side; 404 for libraries indexed without them).</param>
/// <param name="SimilarUrl">Search by example: clips that look like this one.</param>
public sealed record ClipResult(long ClipId, double StartSeconds, double EndSeconds, float Score, string ThumbnailUrl,
    string PreviewUrl, string SimilarUrl);
