using TorchSharp;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.Core.Tests.Catalog;
using VideoSearch.TestSupport;
using Xunit.Abstractions;

namespace VideoSearch.Core.Tests.Inference;

/// <summary>
/// A library indexed in one precision and searched in the other. Its vectors are plain fp32 arrays whatever the
/// precision that made them, so a search must rank its clips as an all-fp32 one does: clips of random videos
/// (8 videos, 5 perturbed clips each) are embedded with the tiny kit in fp32 and in bf16, stored through the
/// catalog (which records the precision), read back as search reads them and scored exactly with ScoreAsync.
/// </summary>
public sealed class MixedPrecisionLibraryTests(ITestOutputHelper output)
{
    private const int Videos = 8, ClipsPerVideo = 5, Top = 5;
    private static readonly string Kit = Fixtures.Reference("xclip-tiny-clipvocab");
    private static readonly string[] s_queries =
    [
        "a dog running on the beach", "someone cooking pasta", "a red car at night", "children playing football",
        "a cat sleeping", "fireworks over a city", "a man playing guitar", "snow falling in a forest",
        "people dancing at a wedding", "a plane taking off", "waves crashing on rocks", "a woman reading a book",
    ];

    [Fact]
    public async Task ScoreAsync_LibraryAndQueriesInDifferentPrecisions_RankLikeFp32()
    {
        using var fp32 = XClipInference.Load(Kit, "kit");
        using var bf16 = XClipInference.Load(Kit, "kit", precision: XClipPrecision.Bf16);
        float[] pixels = Pixels(fp32.Config.VisionConfig);
        var byFp32 = await StoreAsync(fp32, await fp32.EncodeVideosAsync(pixels, Videos * ClipsPerVideo));
        var byBf16 = await StoreAsync(bf16, await bf16.EncodeVideosAsync(pixels, Videos * ClipsPerVideo));
        long[][] tokens = s_queries.Select(q => fp32.Tokenizer.EncodeToIds(q).Select(i => (long)i).ToArray()).ToArray();
        float[][] fp32Text = await fp32.EncodeTextsAsync(tokens), bf16Text = await bf16.EncodeTextsAsync(tokens);

        float[][] reference = await ScoreAsync(fp32, fp32Text, byFp32);
        var mixed = new (string Name, float[][] Scores)[]
        {
            ("bf16 library, fp32 search", await ScoreAsync(fp32, fp32Text, byBf16)),
            ("fp32 library, bf16 search", await ScoreAsync(bf16, bf16Text, byFp32)),
            ("bf16 library, bf16 search", await ScoreAsync(bf16, bf16Text, byBf16)),
        };

        foreach (var (name, scores) in mixed)
        {
            double agreement = Agreement(reference, scores);
            double worst = reference.Zip(scores, (r, s) => r.Zip(s, (a, b) => Math.Abs(a - b)).Max()).Max();
            output.WriteLine($"{name}: top-{Top} agreement {agreement:P0}, max |delta logit| {worst:E2}");
            Assert.True(agreement >= 0.9, $"{name}: top-{Top} agreement {agreement:P0}");
            Assert.True(worst > 0, $"{name}: bf16 should round differently from fp32");
            // The tiny kit's path has N = 2 x 11 (vision) + 1 + 6 (MIT) + 2 x 6 + 1 (text) + 2 x 6 (scorer) = 54
            // bf16 matmuls; |delta logit| <= s·(|dv| + |dt|) <= 2·s·4·sqrt(N)·U/2 with U = 2^-8 (derivation in
            // Bf16AgreementTests): 2·14.3·4·7.3/512 = 1.6, far above correct bf16 and far below a broken one.
            Assert.True(worst <= 2 * Math.Exp(fp32.Config.LogitScaleInitValue) * 4 * Math.Sqrt(54) / 512, $"{name}: max |delta logit| {worst}");
        }
    }

    [Fact]
    public async Task CompleteVideoAsync_Bf16Embeddings_ReadBackAsStoredAndRecordedAsBf16()
    {
        using var bf16 = XClipInference.Load(Kit, "kit", precision: XClipPrecision.Bf16);
        float[] pixels = Pixels(bf16.Config.VisionConfig);
        XClipVideoEmbedding[] clips = await bf16.EncodeVideosAsync(pixels, Videos * ClipsPerVideo);

        var stored = await StoreAsync(bf16, clips);

        Assert.All(stored.Videos, v => Assert.Equal(XClipPrecision.Bf16, v.ModelPrecision));
        Assert.Equal(clips.SelectMany(c => c.Embedding), stored.Embeddings);
        // Contexts are stored as float16 (ContextCodec): within half a float16 step of what bf16 made.
        float[] contexts = clips.SelectMany(c => c.Context).ToArray();
        Assert.Equal(contexts.Length, stored.Contexts.Length);
        Assert.All(contexts.Zip(stored.Contexts), p => Assert.True(Math.Abs(p.First - p.Second) <= Math.Abs(p.First) * Math.Pow(2, -11) + Math.Pow(2, -25)));
    }

    /// <summary>Preprocessed-like pixels of <see cref="Videos"/> random videos, <see cref="ClipsPerVideo"/> clips each:
    /// the video's frames plus 0.3 of independent noise, so clips of one video are alike and others are not.</summary>
    private static float[] Pixels(XClipVisionConfig vision)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator(11);
        long[] clip = [vision.NumFrames, vision.NumChannels, vision.ImageSize, vision.ImageSize];
        var videos = torch.randn([Videos, 1, .. clip], generator: generator);
        var noise = torch.randn([Videos, ClipsPerVideo, .. clip], generator: generator);
        return (videos + 0.3 * noise).contiguous().data<float>().ToArray(); // (videos, clips, frames, c, h, w)
    }

    /// <summary>Stores clips <paramref name="embedded"/> by <paramref name="inference"/> in a new catalog with its
    /// precision, and reads them back in id order as search does (embeddings stream, contexts batch).</summary>
    private static async Task<Library> StoreAsync(XClipInference inference, XClipVideoEmbedding[] embedded)
    {        await using TempCatalog temp = await TempCatalog.CreateAsync(withModel: false);
        var model = new ModelState("kit", "rev", inference.ProjectionDim, inference.ContextPatches, inference.ProjectionDim);
        await temp.Catalog.Model.SetAsync(model);
        RootId root = await temp.Catalog.Roots.AddAsync(Path.Combine(temp.Directory, "media"));
        var videos = new List<VideoRecord>();
        for (int v = 0; v < Videos; v++)
        {
            VideoId id = await temp.Catalog.Videos.BeginVideoAsync(root, $"v{v}.mp4", new FileIdentity(100, v, $"v1:{v}"));
            var clips = Enumerable.Range(0, ClipsPerVideo).Select(c => new NewClip(c, c * 2.0, c * 2.0 + 2, [c * 2.0 + 1],
                embedded[v * ClipsPerVideo + c].Embedding, embedded[v * ClipsPerVideo + c].Context, TempCatalog.Jpeg(c))).ToList();
            await temp.Catalog.Writer.CompleteVideoAsync(id, TempCatalog.Metadata, clips, inference.Precision);
            videos.Add((await temp.Catalog.Videos.GetAsync(id))!);
        }
        var embeddings = new List<ClipEmbedding>();
        await foreach (ClipEmbedding e in temp.Catalog.Clips.StreamEmbeddingsAsync()) embeddings.Add(e);
        ClipContextBatch contexts = await temp.Catalog.Clips.GetContextsAsync(embeddings.Select(e => e.ClipId).ToList());
        return new Library(videos, embeddings.SelectMany(e => e.Embedding).ToArray(), contexts.Contexts);
    }

    private static Task<float[][]> ScoreAsync(XClipInference inference, float[][] text, Library library) =>
        inference.ScoreAsync(text, library.Embeddings, library.Contexts, Videos * ClipsPerVideo);

    /// <summary>Mean share of each query's top clips (scores are [clips][queries]) that both rankings hold.</summary>
    private static double Agreement(float[][] reference, float[][] other)
    {
        double agreed = 0;
        for (int q = 0; q < s_queries.Length; q++)
        {
            var a = Enumerable.Range(0, reference.Length).OrderByDescending(c => reference[c][q]).Take(Top);
            var b = Enumerable.Range(0, other.Length).OrderByDescending(c => other[c][q]).Take(Top);
            agreed += a.Intersect(b).Count();
        }
        return agreed / (s_queries.Length * Top);
    }

    private sealed record Library(IReadOnlyList<VideoRecord> Videos, float[] Embeddings, float[] Contexts);
}
