namespace VideoSearch.Core.Catalog;

/// <summary>The outcome of storing a video's clips: the vector index adds the new ids and drops the removed ones.</summary>
/// <param name="NewClipIds">Ids of the stored clips, in the order they were given.</param>
/// <param name="RemovedClipIds">Ids of the clips the video had before, now deleted.</param>
public sealed record CompletedVideo(IReadOnlyList<long> NewClipIds, IReadOnlyList<long> RemovedClipIds);
