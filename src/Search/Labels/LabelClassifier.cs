using VideoSearch.Core.Catalog;
using VideoSearch.Core.Classification;
using VideoSearch.Core.Inference;
using VideoSearch.Search.Catalog;
using VideoSearch.Search.Text;

namespace VideoSearch.Search.Labels;

/// <summary>
/// Zero-shot classification as in X-CLIP's own example: several labels against one clip, scored with the stored
/// context, turned into probabilities by a softmax over <c>logits_per_video</c>. A video's logits are the mean of
/// its clips' logits (each clip is one view of the video), so a label that fits the whole video wins.
/// </summary>
public sealed class LabelClassifier(IInferenceSource model, QueryEncoder encoder, ISearchCatalog catalog)
{
    /// <summary>A classifier over one loaded model.</summary>
    public LabelClassifier(XClipInference inference, QueryEncoder encoder, ISearchCatalog catalog)
        : this(new FixedInferenceSource(inference), encoder, catalog)
    {
    }

    /// <summary>Label probabilities for one indexed clip, in the order of <paramref name="labels"/>.</summary>
    /// <exception cref="SearchQueryException">Fewer than two labels, an empty label.</exception>
    /// <exception cref="ClipNotFoundException">No such clip.</exception>
    public async Task<IReadOnlyList<LabelScore>> ClassifyClipAsync(long clipId, IReadOnlyList<string> labels,
        CancellationToken cancellationToken) =>
        await ClassifyAsync([clipId], $"clip {clipId}", labels, cancellationToken).ConfigureAwait(false);

    /// <summary>Label probabilities for one indexed video (mean logits over its clips), in the order of <paramref name="labels"/>.</summary>
    /// <exception cref="SearchQueryException">Fewer than two labels, an empty label.</exception>
    /// <exception cref="ClipNotFoundException">No such video.</exception>
    public async Task<IReadOnlyList<LabelScore>> ClassifyVideoAsync(long videoId, IReadOnlyList<string> labels,
        CancellationToken cancellationToken)
    {
        var clipIds = await catalog.GetClipIdsOfVideoAsync(videoId, cancellationToken).ConfigureAwait(false);
        return await ClassifyAsync(clipIds, $"video {videoId}", labels, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<LabelScore>> ClassifyAsync(IReadOnlyList<long> clipIds, string what,
        IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count < 2) throw new SearchQueryException($"Zero-shot classification needs at least two labels, got {labels.Count}.");
        var features = new List<float[]>(labels.Count);
        foreach (string label in labels)
            features.Add((await encoder.EncodeAsync(label, cancellationToken).ConfigureAwait(false)).Query.Features);

        using CandidateBatch batch = await catalog.GetCandidatesAsync(clipIds, cancellationToken).ConfigureAwait(false);
        if (batch.Clips.Count == 0) throw new ClipNotFoundException($"No indexed {what}.");
        XClipInference inference = await model.GetInferenceAsync(cancellationToken).ConfigureAwait(false);
        float[][] logits = await inference.ScoreAsync(features, batch.Embeddings, batch.Contexts, batch.Clips.Count,
            cancellationToken).ConfigureAwait(false);

        var mean = new double[labels.Count];
        foreach (float[] clip in logits)
            for (int l = 0; l < mean.Length; l++) mean[l] += clip[l] / (double)logits.Length;
        double[] probabilities = Softmax.Of(mean);
        return labels.Select((label, l) => new LabelScore(label, (float)mean[l], probabilities[l])).ToList();
    }
}
