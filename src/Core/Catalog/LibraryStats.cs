namespace VideoSearch.Core.Catalog;

/// <summary>Counts over the whole library.</summary>
/// <param name="PendingVideos">Videos waiting to be (re-)indexed.</param>
/// <param name="IndexedVideos">Videos fully indexed.</param>
/// <param name="FailedVideos">Videos whose indexing failed.</param>
/// <param name="Clips">Stored clips.</param>
/// <param name="Failures">The failed videos with their reasons, by path.</param>
public sealed record LibraryStats(
    int PendingVideos,
    int IndexedVideos,
    int FailedVideos,
    long Clips,
    IReadOnlyList<FailedVideo> Failures);
