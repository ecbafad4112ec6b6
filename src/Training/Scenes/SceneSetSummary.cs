namespace VideoSearch.Training.Scenes;

/// <summary>What one generation run did.</summary>
/// <param name="VideosWritten">Videos rendered and encoded by this run.</param>
/// <param name="VideosKept">Videos already finished by an earlier run of the same set, kept as they were.</param>
/// <param name="Scenes">Rows written over all splits (one per scene).</param>
/// <param name="VideoSeconds">The length of all the set's videos together, in seconds.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record SceneSetSummary(int VideosWritten, int VideosKept, int Scenes, double VideoSeconds, TimeSpan Elapsed);
