using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;

namespace VideoSearch.Search.Tests;

/// <summary>
/// How far float16 storage of a clip's context can move its X-CLIP score, derived rather than guessed: each stored
/// value c_i is off by at most e_i = <see cref="ContextCodec.MaxFloat16Error"/>(c_i), so to first order the score
/// moves by at most sum_i |ds/dc_i| * e_i. The gradient comes from central differences through the model's own
/// re-ranking path (one batched call); the second-order remainder is O(e^2) ~ 1e-7 and is covered, with the float32
/// rounding of the two scores being compared (~1e-6 each for logits of magnitude ~1), by a fixed 2e-5.
/// </summary>
internal static class Float16ScoreBound
{
    private const float Step = 1e-2f;
    private const double Float32Slack = 2e-5;

    public static async Task<double> ComputeAsync(XClipInference inference, float[] textFeatures, float[] embedding, float[] context)
    {
        int n = context.Length;
        var contexts = new float[2 * n * n];
        var embeddings = new float[2 * n * embedding.Length];
        for (int i = 0; i < n; i++)
        {
            for (int sign = 0; sign < 2; sign++)
            {
                int row = 2 * i + sign;
                context.CopyTo(contexts, row * n);
                contexts[row * n + i] += sign == 0 ? Step : -Step;
                embedding.CopyTo(embeddings, row * embedding.Length);
            }
        }
        float[][] scores = await inference.ScoreAsync([textFeatures], embeddings, contexts, 2 * n);
        double bound = 0;
        for (int i = 0; i < n; i++)
        {
            double gradient = (scores[2 * i][0] - (double)scores[2 * i + 1][0]) / (2 * Step);
            bound += Math.Abs(gradient) * ContextCodec.MaxFloat16Error(context[i]);
        }
        return bound + Float32Slack;
    }
}
