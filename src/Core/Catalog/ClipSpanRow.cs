namespace VideoSearch.Core.Catalog;

/// <summary>Where one clip of a video lies, without its vectors.</summary>
/// <param name="ClipId">The clip id (also its vector index id).</param>
/// <param name="ClipIndex">Its position in the video's clip plan.</param>
/// <param name="StartSeconds">Start of its window.</param>
/// <param name="EndSeconds">End of its window.</param>
public sealed record ClipSpanRow(long ClipId, int ClipIndex, double StartSeconds, double EndSeconds);
