using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;

namespace VideoSearch.Search.Ranking;

/// <summary>
/// Keeps one background sample of the library (<see cref="SampleSize"/> clips from
/// <see cref="ISearchCatalog.GetSampleClipIdsAsync"/>) in memory for calibration. A new sample is taken when the
/// index's clip count has changed since the last one, at most every <see cref="RefreshInterval"/> while it keeps
/// changing (a library being indexed), and at once while the held sample is empty.
/// </summary>
public sealed class LibrarySampler(ISearchCatalog catalog, TimeProvider time)
{
    /// <summary>Clips in the sample: enough for a mean and spread within ~15% (1/sqrt(2n) for the spread), and
    /// cheap to score with every query (one batched call, like 64 more candidates).</summary>
    public const int SampleSize = 64;

    /// <summary>The shortest time between two samples while the library keeps changing: each sample is a scan of the
    /// clip ids plus a read of 64 contexts, which a library growing by a clip a second should not pay per query.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private LibrarySample? _sample;

    /// <summary>The sample for an index holding <paramref name="indexCount"/> clips, taken now when it is due.</summary>
    public async Task<LibrarySample> GetAsync(int indexCount, CancellationToken cancellationToken)
    {
        if (_sample is { } held && !IsDue(held, indexCount)) return held;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another search may have refreshed it while this one waited.
            if (_sample is { } fresh && !IsDue(fresh, indexCount)) return fresh;
            return _sample = await TakeAsync(indexCount, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsDue(LibrarySample sample, int indexCount) =>
        sample.IndexCount != indexCount
        && (sample.Clips.Count == 0 || time.GetElapsedTime(sample.TakenAt) >= RefreshInterval);

    private async Task<LibrarySample> TakeAsync(int indexCount, CancellationToken cancellationToken)
    {
        long takenAt = time.GetTimestamp();
        var ids = await catalog.GetSampleClipIdsAsync(SampleSize, cancellationToken).ConfigureAwait(false);
        using CandidateBatch batch = await catalog.GetCandidatesAsync(ids, cancellationToken).ConfigureAwait(false);
        return new LibrarySample(indexCount, takenAt, batch.Clips, batch.Embeddings.ToArray(), batch.Contexts.ToArray());
    }
}
