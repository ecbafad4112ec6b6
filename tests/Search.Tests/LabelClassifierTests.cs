namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class LabelClassifierTests(TinyLibrary library)
{
    private static readonly string[] s_labels = ["playing football", "cooking dinner", "a cat sleeping"];

    [Fact]
    public async Task ClassifyClipAsync_SeveralLabels_SoftmaxOfForwardLogitsSummingToOne()
    {
        long clipId = library.Clips.Keys.Max();
        var scores = await library.Labels().ClassifyClipAsync(clipId, s_labels, CancellationToken.None);
        Assert.Equal(s_labels, scores.Select(s => s.Label));
        Assert.Equal(1.0, scores.Sum(s => s.Probability), 1e-12);

        double[] forward = s_labels.Select(l => (double)library.ForwardLogit(l, clipId)).ToArray();
        double[] expected = Softmax(forward);
        // A softmax moves each probability by at most the largest change of a logit, so the float16 bound on the
        // logits (derived per label) bounds the probabilities too.
        double tolerance = await MaxBound(clipId);
        for (int l = 0; l < s_labels.Length; l++)
        {
            Assert.InRange(scores[l].Logit, forward[l] - tolerance, forward[l] + tolerance);
            Assert.InRange(scores[l].Probability, expected[l] - tolerance, expected[l] + tolerance);
        }
    }

    [Fact]
    public async Task ClassifyVideoAsync_SeveralClips_SoftmaxOfMeanClipLogits()
    {
        long videoId = library.VideoPaths.Keys.Min();
        long[] clips = library.Clips.Where(c => c.Value.VideoId == videoId).Select(c => c.Key).ToArray();
        var scores = await library.Labels().ClassifyVideoAsync(videoId, s_labels, CancellationToken.None);
        double[] mean = s_labels.Select(l => clips.Average(c => (double)library.ForwardLogit(l, c))).ToArray();
        double[] expected = Softmax(mean);
        double tolerance = 0;
        foreach (long clip in clips) tolerance = Math.Max(tolerance, await MaxBound(clip));
        Assert.Equal(1.0, scores.Sum(s => s.Probability), 1e-12);
        for (int l = 0; l < s_labels.Length; l++)
            Assert.InRange(scores[l].Probability, expected[l] - tolerance, expected[l] + tolerance);
    }

    [Fact]
    public async Task ClassifyClipAsync_OneLabel_ThrowsSearchQueryException() =>
        await Assert.ThrowsAsync<SearchQueryException>(() =>
            library.Labels().ClassifyClipAsync(library.Clips.Keys.Min(), ["only one"], CancellationToken.None));

    [Fact]
    public async Task ClassifyVideoAsync_UnknownVideo_ThrowsClipNotFound() =>
        await Assert.ThrowsAsync<ClipNotFoundException>(() =>
            library.Labels().ClassifyVideoAsync(424242, s_labels, CancellationToken.None));

    private async Task<double> MaxBound(long clipId)
    {
        double bound = 0;
        var stored = library.Clips[clipId];
        foreach (string label in s_labels)
        {
            var features = (await library.Encoder().EncodeAsync(label, CancellationToken.None)).Query.Features;
            bound = Math.Max(bound, await Float16ScoreBound.ComputeAsync(library.Inference, features, stored.Embedding, stored.Context));
        }
        return bound;
    }

    private static double[] Softmax(double[] logits)
    {
        double max = logits.Max();
        double[] exp = logits.Select(x => Math.Exp(x - max)).ToArray();
        return exp.Select(e => e / exp.Sum()).ToArray();
    }
}
