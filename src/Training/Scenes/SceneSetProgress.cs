namespace VideoSearch.Training.Scenes;

/// <summary>How far a scene set's generation is, reported after each video.</summary>
/// <param name="VideosDone">Videos finished, including those kept from an earlier run.</param>
/// <param name="VideosTotal">Videos in the set.</param>
/// <param name="LastVideo">The video just finished (relative path), or null for the report before the first.</param>
public sealed record SceneSetProgress(int VideosDone, int VideosTotal, string? LastVideo);
