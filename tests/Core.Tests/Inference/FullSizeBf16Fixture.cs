using TorchSharp;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.Core.Text;
using VideoSearch.TestSupport;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Inference;

/// <summary>
/// The full-size X-CLIP architecture (base/32, seeded random weights, as the model benchmark builds it) run once in
/// fp32 and once with bf16 matmuls on the same inputs, shared by the agreement tests. bf16 is emulated on CPUs without
/// AMX or AVX-512 BF16 (one 8-frame clip takes ~13 s there), so only one clip goes through the bf16 vision tower.
/// </summary>
public sealed class FullSizeBf16Fixture : IDisposable
{
    /// <summary>Queries of the ranking test (the task's figure).</summary>
    public const int QueryCount = 100;

    private readonly XClipModel _model;

    public FullSizeBf16Fixture()
    {
        torch.manual_seed(1234);
        _model = new XClipModel(new XClipConfig());
        _model.eval();
        var vision = _model.Config.VisionConfig;
        float[] pixels;
        using (var generator = new torch.Generator(2024))
        using (var random = torch.randn([2, vision.NumFrames, vision.NumChannels, vision.ImageSize, vision.ImageSize], generator: generator))
            pixels = random.data<float>().ToArray(); // two unrelated random videos: the second sets the scale of a real difference
        Queries = Enumerable.Range(0, QueryCount).Select(q =>
        {
            int length = 4 + q % 5; // BOS, 2..6 word pieces, EOS: short like real queries, and cheap in emulated bf16
            var ids = new long[length];
            ids[0] = 49406;
            ids[^1] = 49407;
            for (int i = 1; i < length - 1; i++) ids[i] = 1 + (q * 7919 + i * 104729) % 49000;
            return ids;
        }).ToArray();

        var embedder = new XClipEmbedder(_model);
        var fp32Videos = embedder.EncodeVideos(pixels, 2);
        Fp32Video = fp32Videos[0];
        OtherFp32Video = fp32Videos[1];
        Fp32Text = embedder.EncodeTexts(Queries);
        var tokenizer = ClipTokenizer.FromFolder(Fixtures.Reference("xclip-tiny-clipvocab"));
        // Built before the conversion (and outside any dispose scope, which would free the weights it copies): its
        // prompt scorer keeps fp32 weights.
        Fp32 = new XClipInference(_model, tokenizer, "random-base-32", ownsModel: false);

        _model.UsePrecision(XClipPrecision.Bf16);
        Bf16Video = embedder.EncodeVideos(pixels[..(pixels.Length / 2)], 1)[0];
        Bf16Text = embedder.EncodeTexts(Queries);
        Bf16 = new XClipInference(_model, tokenizer, "random-base-32", ownsModel: false);
    }

    /// <summary>Token ids of the <see cref="QueryCount"/> queries.</summary>
    public long[][] Queries { get; }

    /// <summary>The first video through the fp32 vision tower.</summary>
    public XClipVideoEmbedding Fp32Video { get; }

    /// <summary>The second (unrelated) video through the fp32 vision tower.</summary>
    public XClipVideoEmbedding OtherFp32Video { get; }

    /// <summary>The first video through the bf16 vision tower.</summary>
    public XClipVideoEmbedding Bf16Video { get; }

    /// <summary>Text features of <see cref="Queries"/> from the fp32 text tower.</summary>
    public float[][] Fp32Text { get; }

    /// <summary>Text features of <see cref="Queries"/> from the bf16 text tower.</summary>
    public float[][] Bf16Text { get; }

    /// <summary>Scoring with the fp32 prompt generator (its towers must not be used: the model is bf16 now).</summary>
    public XClipInference Fp32 { get; }

    /// <summary>Scoring with the bf16 prompt generator.</summary>
    public XClipInference Bf16 { get; }

    /// <summary>exp(logit_scale): the factor between a cosine and a logit.</summary>
    public double LogitScale => Math.Exp(_model.Config.LogitScaleInitValue);

    public void Dispose()
    {
        Fp32.Dispose();
        Bf16.Dispose();
        _model.Dispose();
    }
}
