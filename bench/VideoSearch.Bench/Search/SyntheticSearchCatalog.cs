using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Bench.Search;

/// <summary>
/// An in-memory stand-in for the catalog at library sizes no disk here holds (100k clips of float16 contexts are
/// 5 GB): embeddings are kept, contexts come from a pool of float16-encoded contexts picked by clip id and are decoded
/// per request as the SQLite catalog decodes them, so re-ranking sees realistic inputs and pays the decode.
/// </summary>
internal sealed class SyntheticSearchCatalog(float[] embeddings, int dimension, byte[][] contextPool, int contextLength,
    int clipsPerVideo) : ISearchCatalog
{
    public Task<CandidateBatch> GetCandidatesAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken)
    {
        var clips = new List<CandidateClip>(clipIds.Count);
        var batch = CandidateBatch.Rent(clipIds.Count, dimension, contextLength);
        for (int i = 0; i < clipIds.Count; i++)
        {
            long id = clipIds[i];
            clips.Add(Clip(id));
            embeddings.AsSpan((int)id * dimension, dimension).CopyTo(batch.EmbeddingRow(i));
            ContextCodec.Decode(contextPool[id % contextPool.Length], batch.ContextRow(i));
        }
        batch.SetClips(clips);
        return Task.FromResult(batch);
    }

    public Task<IReadOnlyList<CandidateClip>> GetClipsAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CandidateClip>>(clipIds.Select(Clip).ToList());

    public Task<float[]?> GetEmbeddingAsync(long clipId, CancellationToken cancellationToken) =>
        Task.FromResult<float[]?>(embeddings.AsSpan((int)clipId * dimension, dimension).ToArray());

    public Task<IReadOnlyList<long>> GetClipIdsOfVideoAsync(long videoId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<long>>(Enumerable.Range(0, clipsPerVideo).Select(c => videoId * clipsPerVideo + c).ToList());

    /// <summary>The same multiplicative hash order as the SQLite catalog's sample, over the synthetic ids.</summary>
    public Task<IReadOnlyList<long>> GetSampleClipIdsAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<long>>(Enumerable.Range(0, embeddings.Length / dimension).Select(i => (long)i)
            .OrderBy(id => id * 2654435761L % 4294967296L).ThenBy(id => id).Take(count).ToList());

    public Task<IReadOnlySet<long>> GetAllowedClipIdsAsync(SearchFilters filters, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The search benchmark measures unfiltered queries.");

    private CandidateClip Clip(long id) =>
        new(id, id / clipsPerVideo, $"/videos/{id / clipsPerVideo:D7}.mp4", clipsPerVideo * 8.0, id % clipsPerVideo * 8.0,
            id % clipsPerVideo * 8.0 + 8.0, DateTimeOffset.UnixEpoch);
}
