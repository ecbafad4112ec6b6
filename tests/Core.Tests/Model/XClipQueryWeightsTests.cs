using VideoSearch.Core.Model;
using VideoSearch.Core.Text;
using VideoSearch.TestSupport;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>
/// The int8 query path against fp32 on the full-size architecture (random weights) and on the reference kits.
/// Bound: int8 per-channel rounding perturbs each weight by at most s/2 = max|w_row| / 254, a relative RMS error of
/// e = max|w| / (127 sqrt(12) rms(w)) per layer: 0.0039 for uniform (kaiming) weights, about 0.008 for Gaussian ones
/// (max ~ 3.5 rms at K = 512). Through 12 pre-LN layers x 6 linears whose errors add independently into the residual
/// stream, the feature error is at most about sqrt(73) e = 0.07 relative, so cosine >= 1 - 0.07^2 / 2 = 0.9975; we test
/// 0.995 (twice that distance, for layer norms amplifying a small residual) and print the measured value (0.9999+).
/// </summary>
[Collection(nameof(TorchGlobalRandomCollection))]
public class XClipQueryWeightsTests(ITestOutputHelper output, XClipQueryWeightsTests.FullSizeModel full) : IClassFixture<XClipQueryWeightsTests.FullSizeModel>
{
    private const double MinCosine = 0.995;

    /// <summary>The full-size X-CLIP (random, seeded weights) and the CLIP tokenizer, built once for the class.</summary>
    public sealed class FullSizeModel : IDisposable
    {
        public FullSizeModel()
        {
            manual_seed(11);
            Model = new XClipModel(new XClipConfig());
            Model.eval();
            Tokenizer = ClipTokenizer.FromFolder(Fixtures.Reference("xclip-tiny-clipvocab"));
        }

        public XClipModel Model { get; }

        public ClipTokenizer Tokenizer { get; }

        public void Dispose() => Model.Dispose();
    }

    private static readonly string[] Phrases =
    [
        "a dog running on the beach", "kids blowing out birthday candles", "sunset over the ocean", "fireworks",
        "someone playing guitar on a stage", "a cat jumping off the sofa", "snow falling in the street at night",
        "a man cooking pasta in a small kitchen", "drone shot of a mountain lake", "people dancing at a wedding",
        "baby laughing", "rain on a window", "a plane taking off", "waves crashing against rocks", "crowd at a concert",
        "a red car driving through the desert", "close up of a flower with a bee", "whiteboard presentation",
        "a bird eating from a feeder", "a train passing a level crossing",
    ];

    private readonly FullSizeModel _full = full;

    [Fact]
    public void UseQueryWeights_FullSizeInt8_FeaturesWithinCosineBoundOfFp32()
    {
        var (fp32, int8) = Features(_full.Model, Phrases.Select(Ids).ToList());

        double worst = fp32.Zip(int8, Cosine).Min();
        output.WriteLine($"full size, {Phrases.Length} queries: smallest cosine int8 vs fp32 {worst:F6}");
        Assert.InRange(worst, MinCosine, 1.0);
        Assert.NotEqual(fp32[0], int8[0]); // the int8 path really ran
    }

    [Fact]
    public void UseQueryWeights_Int8_SwitchesOnlyTheTextSideLinears()
    {
        try
        {
            int switched = _full.Model.UseQueryWeights(XClipQueryWeights.Int8);

            // 12 layers x (q, k, v, out, fc1, fc2) + text_projection; the vision tower, MIT and prompt generator keep fp32.
            Assert.Equal(12 * 6 + 1, switched);
            var linears = _full.Model.named_modules().Where(m => m.module is XClipLinear).ToList();
            Assert.All(linears, m => Assert.Equal(
                m.name.StartsWith("text_model.", StringComparison.Ordinal) || m.name == "text_projection",
                ((XClipLinear)m.module).UsesSmallBatchInt8));
        }
        finally { _full.Model.UseQueryWeights(XClipQueryWeights.Fp32); }
    }

    [Fact]
    public void UseQueryWeights_Int8_Top10OverSyntheticLibraryAgreesWithFp32()
    {
        var (fp32, int8) = Features(_full.Model, Phrases.Select(Ids).ToList());
        // A library with what a real one has: for each query a neighbourhood of 40 clips at varying distance (the
        // ranking that matters), inside 4,000 unrelated clips.
        var random = new Random(3);
        var library = new List<float[]>();
        for (int i = 0; i < 4000; i++) library.Add(Normalise(Enumerable.Range(0, fp32[0].Length).Select(_ => Gaussian(random)).ToArray()));
        foreach (float[] f in fp32)
            for (int j = 0; j < 40; j++)
            {
                float[] unit = Normalise(f), noise = Normalise(Enumerable.Range(0, f.Length).Select(_ => Gaussian(random)).ToArray());
                double mix = 0.3 + 0.6 * random.NextDouble();
                library.Add(Normalise(unit.Zip(noise, (u, n) => (float)((1 - mix) * u + mix * n)).ToArray()));
            }

        double agreement = fp32.Zip(int8, (a, b) => Top10(library, a).Intersect(Top10(library, b)).Count() / 10.0).Average();

        output.WriteLine($"top-10 agreement int8 vs fp32 over {library.Count} clips: {agreement:F3}");
        Assert.InRange(agreement, 0.95, 1.0);
    }

    [Theory]
    [InlineData("xclip-tiny")]
    [InlineData("xclip-tiny-clipvocab")]
    public void UseQueryWeights_ReferenceKitInt8_FeaturesWithinCosineBoundOfUpstream(string kitName)
    {
        // Its own instance: the parity tests share the cached kit model and must stay on fp32.
        using var model = XClipModel.FromPretrained(Fixtures.Reference(kitName));
        var kit = ReferenceKit.Get(kitName);
        model.UseQueryWeights(XClipQueryWeights.Int8);
        double worst = 1;
        int rows = 0;
        foreach (string caseName in kit.Cases.Keys)
        {
            using var scope = NewDisposeScope();
            var ids = kit.Read(caseName, "input_ids");
            var mask = kit.Read(caseName, "attention_mask");
            var expected = kit.Read(caseName, "text_features");
            for (long r = 0; r < ids.shape[0]; r++) // one text per call: at most 16 rows, so the int8 kernel runs
            {
                var actual = model.GetTextFeatures(ids[r].unsqueeze(0), mask[r].unsqueeze(0));
                worst = Math.Min(worst, Cosine(actual.data<float>().ToArray(), expected[r].data<float>().ToArray()));
                rows++;
            }
        }

        output.WriteLine($"{kitName}: {rows} texts, smallest cosine int8 vs upstream fp32 {worst:F6}");
        Assert.True(rows > 0);
        Assert.InRange(worst, MinCosine, 1.0);
    }

    private long[] Ids(string phrase) => _full.Tokenizer.Encode(phrase, 77).Ids.Select(i => (long)i).ToArray();

    private static (float[][] Fp32, float[][] Int8) Features(XClipModel model, List<long[]> ids)
    {
        var embedder = new XClipEmbedder(model);
        float[][] fp32 = ids.Select(i => embedder.EncodeTexts([i])[0]).ToArray();
        model.UseQueryWeights(XClipQueryWeights.Int8);
        try { return (fp32, ids.Select(i => embedder.EncodeTexts([i])[0]).ToArray()); }
        finally { model.UseQueryWeights(XClipQueryWeights.Fp32); }
    }

    private static HashSet<int> Top10(List<float[]> library, float[] query)
    {
        float[] q = Normalise(query);
        return library.Select((v, i) => (Score: v.Zip(q, (a, b) => (double)a * b).Sum(), i)).OrderByDescending(s => s.Score)
            .Take(10).Select(s => s.i).ToHashSet();
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += (double)a[i] * b[i]; na += (double)a[i] * a[i]; nb += (double)b[i] * b[i]; }
        return dot / Math.Sqrt(na * nb);
    }

    private static float[] Normalise(float[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => (float)(x / norm)).ToArray();
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
