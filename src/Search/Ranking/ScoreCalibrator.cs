using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using VideoSearch.Core.Vectors;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Ranking;

/// <summary>
/// Scores the library's background sample (<see cref="LibrarySampler"/>) exactly as a query's candidates are scored,
/// so a result's score can be read against what the library typically scores for the same query: X-CLIP's
/// <c>logits_per_video</c> through <see cref="ClipReranker"/> for text, the embedding cosine for a search by example.
/// </summary>
public sealed class ScoreCalibrator(LibrarySampler sampler, ClipReranker reranker)
{
    // A repeated query (its next page, Back and Forward on the page) comes back from the text cache with the same
    // features array, so its calibration is kept with that array: as long as the text cache holds the query, and only
    // for the sample it was made from (a new sample is a miss).
    private readonly ConditionalWeakTable<float[], TextCalibration> _recent = [];

    /// <summary>
    /// The calibration of a text query (its text features), or null when the library is too small or uniform. The
    /// same features array against the same sample gives the same calibration without scoring the sample again.
    /// </summary>
    public async Task<ScoreCalibration?> CalibrateTextAsync(float[] textFeatures, IVectorIndex index,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(textFeatures);
        ArgumentNullException.ThrowIfNull(index);
        if (index.Count == 0) return null;
        LibrarySample sample = await sampler.GetAsync(index.Count, cancellationToken).ConfigureAwait(false);
        if (sample.Clips.Count == 0) return null;
        if (_recent.TryGetValue(textFeatures, out TextCalibration? recent) && ReferenceEquals(recent.Sample, sample))
            return recent.Calibration;
        var scored = await reranker.ScoreAsync(textFeatures, sample.Clips, sample.Embeddings, sample.Contexts,
            cancellationToken).ConfigureAwait(false);
        ScoreCalibration? calibration = ScoreCalibration.FromSample(scored.Select(c => c.Score).ToList());
        _recent.AddOrUpdate(textFeatures, new TextCalibration(sample, calibration));
        return calibration;
    }

    /// <summary>
    /// The calibration of a search by example (its query embedding), leaving out the example clip itself when it is
    /// in the sample (its cosine with itself is 1, no part of the background); null when too small or uniform.
    /// </summary>
    public async Task<ScoreCalibration?> CalibrateExampleAsync(float[] embedding, long? exampleClipId, IVectorIndex index,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(index);
        if (index.Count == 0) return null;
        LibrarySample sample = await sampler.GetAsync(index.Count, cancellationToken).ConfigureAwait(false);
        int dim = embedding.Length;
        if (sample.Clips.Count == 0 || sample.Embeddings.Length != sample.Clips.Count * dim) return null;
        var scores = new List<float>(sample.Clips.Count);
        for (int i = 0; i < sample.Clips.Count; i++)
        {
            if (sample.Clips[i].ClipId == exampleClipId) continue;
            scores.Add(TensorPrimitives.CosineSimilarity(embedding, sample.Embeddings.AsSpan(i * dim, dim)));
        }
        return ScoreCalibration.FromSample(scores);
    }

    private sealed record TextCalibration(LibrarySample Sample, ScoreCalibration? Calibration);
}
