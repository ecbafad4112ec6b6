namespace VideoSearch.Search.Contracts;

/// <summary>A matching video: its best moment's score and its matching moments, best first.</summary>
/// <param name="VideoId">The catalog's video id.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="DurationSeconds">Length of the video.</param>
/// <param name="Modified">The file's last write time when it was indexed.</param>
/// <param name="Score">The best moment's score.</param>
/// <param name="Moments">Matching moments, best first; no two overlap.</param>
public sealed record VideoHit(long VideoId, string Path, double DurationSeconds, DateTimeOffset Modified, float Score,
    IReadOnlyList<Moment> Moments);
