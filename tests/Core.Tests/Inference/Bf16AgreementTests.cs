using TorchSharp;
using VideoSearch.Core.Model;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Inference;

/// <summary>
/// bf16 matmuls (<see cref="XClipLinear"/>) against fp32 on the full-size architecture, measured rather than assumed:
/// video embeddings and contexts, text features, the ranking a search makes over a 10k-clip library, and re-ranking
/// logits. bf16 is forced, so these run on any CPU (emulated, hence slow, where there is no AMX or AVX-512 BF16).
/// They keep both cores busy for tens of seconds, so they run alone, after the parallel tests, rather than beside the
/// tests that measure timeouts.
/// </summary>
[Collection(Bf16AgreementCollection.Name)]
public sealed class Bf16AgreementTests(FullSizeBf16Fixture f, ITestOutputHelper output) : IClassFixture<FullSizeBf16Fixture>
{
    private const int LibraryClips = 10_000;
    // Re-ranking runs the prompt generator once per candidate and is the slow part of these tests in emulated bf16.
    private const int Candidates = 20;
    private const int ScoredQueries = 20;
    private const int Top = 10;

    /// <summary>bf16's relative rounding step (8 significant bits): round-to-nearest errs by at most half of it.</summary>
    private const double U = 1.0 / 256;

    [Fact]
    public void EncodeVideos_Bf16_EmbeddingAndContextWithinCosine0999OfFp32()
    {
        double embedding = Cosine(f.Fp32Video.Embedding, f.Bf16Video.Embedding);
        double context = Cosine(f.Fp32Video.Context, f.Bf16Video.Context);
        double error = Distance(f.Fp32Video.Embedding, f.Bf16Video.Embedding);
        double otherVideo = Distance(f.Fp32Video.Embedding, f.OtherFp32Video.Embedding);
        output.WriteLine($"video embedding cosine {embedding:F7}, context cosine {context:F7}; |bf16 - fp32| {error:E2} vs another video {otherVideo:E2}");

        Assert.True(embedding >= 0.999, $"embedding cosine {embedding}");
        Assert.True(context >= 0.999, $"context cosine {context}");
        // Random weights make all videos look alike (cosine ~0.999 between unrelated ones), so the cosine alone would
        // be a weak test: the bf16 error must also be small against what tells two videos apart.
        Assert.True(error < 0.25 * otherVideo, $"bf16 error {error} vs difference between videos {otherVideo}");
    }

    [Fact]
    public void EncodeTexts_Bf16_EveryQueryWithinCosine0999OfFp32()
    {
        double[] cosines = f.Fp32Text.Zip(f.Bf16Text, Cosine).ToArray();
        output.WriteLine($"text features cosine min {cosines.Min():F7} mean {cosines.Average():F7}");

        Assert.All(cosines, c => Assert.True(c >= 0.999, $"text cosine {c}"));
    }

    /// <summary>
    /// A search as the product runs it, fp32 end to end against bf16 end to end: top-20 candidates by cosine with the
    /// query's text features, re-ranked by exact X-CLIP logits from each clip's stored context, top 10 kept. The
    /// library is synthetic but shaped like a real one, so the ranking depends on exactly the parts bf16 perturbs:
    /// 100 topics (the queries' own directions, less their common part), 100 clips each at cosine ~0.3 to their
    /// topic's direction plus noise, so that near rank 10 the cosines are ~10^-3 apart, which a broken precision
    /// (an error of 10^-2 in a feature) reorders and correct bf16 (~10^-3 or less) mostly does not.
    /// </summary>
    [Fact]
    public async Task Search_Bf16TextAndScoring_Top10AgreesWithFp32()
    {
        using var scope = NewDisposeScope();
        var (embeddings, library) = Library();
        int agreed = 0;
        for (int q = 0; q < FullSizeBf16Fixture.QueryCount; q++)
        {
            var fp32 = await TopAsync(f.Fp32, f.Fp32Text[q], library, embeddings);
            var bf16 = await TopAsync(f.Bf16, f.Bf16Text[q], library, embeddings);
            agreed += fp32.Intersect(bf16).Count();
        }
        double agreement = agreed / (double)(FullSizeBf16Fixture.QueryCount * Top);
        output.WriteLine($"top-{Top} agreement over {FullSizeBf16Fixture.QueryCount} queries, {LibraryClips} clips: {agreement:P1}");

        Assert.True(agreement >= 0.95, $"top-{Top} agreement {agreement:P1}");
    }

    /// <summary>
    /// Re-ranking logits (ScoreAsync, logits_per_video) in bf16 stay within a bound derived from bf16 rounding.
    /// A logit is s·cos(v, t') with s = exp(logit_scale) and t' = t + alpha·prompt(t, context); for unit v and any
    /// t'_a, t'_b, |cos(v, t'_a) - cos(v, t'_b)| &lt;= |t'_a/|t'_a| - t'_b/|t'_b|| &lt;= 2·|t'_a - t'_b|/|t'_a|, so
    /// |delta logit| &lt;= 2·s·r, r the relative error of t'. One bf16 matmul rounds its input, its weights and its
    /// output to 8 bits (|error| &lt;= U/2 each, U = 2^-8; accumulation is fp32): with independent errors (the
    /// standard probabilistic model, Higham and Mary 2019) its output has an RMS relative error of about
    /// sqrt(2/3 + 1/3)·U/2 = U/2, at most 1.5·U in the worst case. LayerNorm is scale-invariant and the residual
    /// stream adds each sublayer's error once, so through N matmuls the RMS relative error grows like sqrt(N)·U/2.
    /// The text side has N = 12 layers x 6 (q, k, v, out, fc1, fc2) + text_projection = 73, the scorer
    /// 2 layers x 6 = 12: r_rms = sqrt(85)·U/2 = 0.018, and 4 standard deviations cover every one of the 400
    /// logits checked: |delta| &lt;= 2·s·4·0.018 = 2.06 at s = 14.3 (text and scorer in bf16); with fp32 text and a bf16
    /// scorer, N = 12 and the bound is 2·s·4·sqrt(12)·U/2 = 0.77. Both are far above what bf16 really does here
    /// (printed), but a precision bug (fp16 overflow, a weight left unconverted against a converted copy, an
    /// output never cast back) moves logits by whole units or more.
    /// </summary>
    [Fact]
    public async Task ScoreAsync_Bf16_LogitsWithinTheRoundingBound()
    {
        using var scope = NewDisposeScope();
        var (embeddings, library) = Library();
        double s = f.LogitScale;
        double scorerBound = 2 * s * 4 * Math.Sqrt(12) * U / 2, endToEndBound = 2 * s * 4 * Math.Sqrt(85) * U / 2;
        double scorerWorst = 0, endToEndWorst = 0, scorerSum = 0;
        int logits = 0;
        for (int q = 0; q < ScoredQueries; q++)
        {
            long[] clips = Nearest(f.Fp32Text[q], library);
            var (emb, ctx) = Clips(clips, embeddings);
            float[][] reference = await f.Fp32.ScoreAsync([f.Fp32Text[q]], emb, ctx, clips.Length);
            float[][] scorerOnly = await f.Bf16.ScoreAsync([f.Fp32Text[q]], emb, ctx, clips.Length);
            float[][] endToEnd = await f.Bf16.ScoreAsync([f.Bf16Text[q]], emb, ctx, clips.Length);
            for (int c = 0; c < clips.Length; c++)
            {
                double a = Math.Abs(scorerOnly[c][0] - reference[c][0]), b = Math.Abs(endToEnd[c][0] - reference[c][0]);
                scorerWorst = Math.Max(scorerWorst, a);
                endToEndWorst = Math.Max(endToEndWorst, b);
                scorerSum += a;
                logits++;
            }
        }
        output.WriteLine($"logit |delta| over {logits}: bf16 scorer max {scorerWorst:E2} (mean {scorerSum / logits:E2}, bound {scorerBound:F2}); " +
                         $"bf16 text + scorer max {endToEndWorst:E2} (bound {endToEndBound:F2})");

        Assert.True(scorerWorst <= scorerBound, $"bf16 scorer moved a logit by {scorerWorst}");
        Assert.True(endToEndWorst <= endToEndBound, $"bf16 text + scorer moved a logit by {endToEndWorst}");
        Assert.True(scorerWorst > 0, "the bf16 scorer should round differently from fp32");
    }

    /// <summary>The synthetic library: clip embeddings (10k, P), unit rows, as the catalog would hold them.</summary>
    private (float[] Flat, Tensor Library) Library()
    {
        int p = f.Fp32Text[0].Length;
        var text = torch.tensor(f.Fp32Text.SelectMany(t => t).ToArray(), [FullSizeBf16Fixture.QueryCount, p]);
        text = text / text.norm(-1, true);
        var topics = text - text.mean([0], keepdim: true);
        topics = topics / topics.norm(-1, true); // (100, P): what tells the queries apart
        var generator = new torch.Generator(77);
        var noise = torch.randn([LibraryClips, p], generator: generator) / Math.Sqrt(p);
        var topic = torch.arange(LibraryClips, dtype: ScalarType.Int64) % FullSizeBf16Fixture.QueryCount;
        var clips = 0.31 * topics.index_select(0, topic) + noise; // cosine ~0.3 with its topic's direction
        clips = clips / clips.norm(-1, true);
        return (clips.contiguous().data<float>().ToArray(), clips);
    }

    private async Task<long[]> TopAsync(VideoSearch.Core.Inference.XClipInference inference, float[] query, Tensor library, float[] embeddings)
    {
        long[] clips = Nearest(query, library);
        var (emb, ctx) = Clips(clips, embeddings);
        float[][] logits = await inference.ScoreAsync([query], emb, ctx, clips.Length);
        return Enumerable.Range(0, clips.Length).OrderByDescending(c => logits[c][0]).Take(Top).Select(c => clips[c]).ToArray();
    }

    /// <summary>The first stage: the <see cref="Candidates"/> clips of highest cosine with <paramref name="query"/>.</summary>
    private static long[] Nearest(float[] query, Tensor library)
    {
        using var scope = NewDisposeScope();
        var q = torch.tensor(query);
        var cosines = library.matmul(q / q.norm()); // (clips,)
        return cosines.topk(Candidates).indexes.data<long>().ToArray();
    }

    /// <summary>Embeddings and contexts of <paramref name="clips"/> as the catalog hands them to re-ranking. A clip's
    /// context mixes the two real fp32 contexts in its own proportion, plus its own noise, so contexts differ as
    /// real ones do while staying in the range the vision tower makes.</summary>
    private (float[] Embeddings, float[] Contexts) Clips(long[] clips, float[] embeddings)
    {
        int p = f.Fp32Text[0].Length, rows = f.Fp32Video.Context.Length;
        var emb = new float[clips.Length * p];
        var ctx = new float[clips.Length * rows];
        double spread = Math.Sqrt(f.Fp32Video.Context.Average(x => (double)x * x));
        for (int i = 0; i < clips.Length; i++)
        {
            Array.Copy(embeddings, clips[i] * p, emb, i * p, p);
            var random = new Random((int)clips[i]);
            float w = (float)((clips[i] * 0.618034) % 1.0);
            for (int j = 0; j < rows; j++)
                ctx[i * rows + j] = w * f.Fp32Video.Context[j] + (1 - w) * f.OtherFp32Video.Context[j]
                                    + (float)(0.3 * spread * (random.NextDouble() * 2 - 1));
        }
        return (emb, ctx);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());
}
