using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Search.Catalog;

namespace VideoSearch.Search.Ranking;

/// <summary>
/// The second stage: fetches the candidates' embeddings and contexts in one catalog read and scores them all with
/// the prompt generator in one batched model call, so each score is X-CLIP's own <c>logits_per_video</c> for
/// (query, clip) (up to the float16 storage of the context).
/// </summary>
public sealed class ClipReranker(IInferenceSource model, ISearchCatalog catalog)
{
    /// <summary>A re-ranker over one loaded model.</summary>
    public ClipReranker(XClipInference inference, ISearchCatalog catalog) : this(new FixedInferenceSource(inference), catalog)
    {
    }

    /// <summary>The candidates that are still stored, scored and sorted best first (ties by clip id).</summary>
    public async Task<IReadOnlyList<ScoredClip>> RerankAsync(float[] textFeatures, IReadOnlyList<long> clipIds,
        CancellationToken cancellationToken)
    {
        using CandidateBatch batch = await catalog.GetCandidatesAsync(clipIds, cancellationToken).ConfigureAwait(false);
        return await ScoreAsync(textFeatures, batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scores an already fetched batch, best first (ties by clip id).</summary>
    public Task<IReadOnlyList<ScoredClip>> ScoreAsync(float[] textFeatures, CandidateBatch batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return ScoreAsync(textFeatures, batch.Clips, batch.Embeddings, batch.Contexts, cancellationToken);
    }

    /// <summary>
    /// Scores clips whose embeddings (<c>[clips, P]</c>) and contexts (<c>[clips, patches, P]</c>) are already in
    /// memory, best first (ties by clip id): the same call as for candidates, so the scores share their scale.
    /// </summary>
    public async Task<IReadOnlyList<ScoredClip>> ScoreAsync(float[] textFeatures, IReadOnlyList<CandidateClip> clips,
        ReadOnlyMemory<float> embeddings, ReadOnlyMemory<float> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clips);
        XClipInference inference = await model.GetInferenceAsync(cancellationToken).ConfigureAwait(false);
        float[][] logits = await inference.ScoreAsync([textFeatures], embeddings, contexts, clips.Count,
            cancellationToken).ConfigureAwait(false);
        var scored = new ScoredClip[clips.Count];
        for (int i = 0; i < scored.Length; i++) scored[i] = new ScoredClip(clips[i], logits[i][0]);
        return Sorted(scored);
    }

    /// <summary>Best first; equal scores by clip id so the order is reproducible.</summary>
    internal static ScoredClip[] Sorted(ScoredClip[] clips)
    {
        Array.Sort(clips, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Clip.ClipId.CompareTo(b.Clip.ClipId));
        return clips;
    }
}
