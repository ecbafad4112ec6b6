namespace VideoSearch.Search.Contracts;

/// <summary>A matching video: its best clip's score and every matching clip, best first.</summary>
/// <param name="VideoId">The catalog's video id.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="DurationSeconds">Length of the video.</param>
/// <param name="Score">The best clip's score.</param>
/// <param name="Clips">Matching clips, best first.</param>
public sealed record VideoHit(long VideoId, string Path, double DurationSeconds, float Score, IReadOnlyList<ClipHit> Clips);
