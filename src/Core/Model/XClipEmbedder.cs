using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Array-in, array-out access to a loaded <see cref="XClipModel"/> for services: text features, clip embeddings
/// with their prompt contexts, and exact X-CLIP re-ranking logits without running the vision tower again. No TorchSharp
/// tensor crosses this API. Not thread-safe: share one instance per model behind a lock or a queue.</summary>
public sealed class XClipEmbedder
{
    private readonly XClipModel model;

    /// <summary>Wraps a model built or loaded by the caller (who disposes it).</summary>
    public XClipEmbedder(XClipModel model)
    {
        this.model = model;
        var c = model.Config;
        ProjectionDim = c.ProjectionDim;
        NumFrames = c.VisionConfig.NumFrames;
        ImageSize = c.VisionConfig.ImageSize;
        NumChannels = c.VisionConfig.NumChannels;
        NumPatches = c.VisionConfig.NumPatches;
        MaxTextLength = c.TextConfig.MaxPositionEmbeddings;
    }

    /// <summary>Width P of text features, video embeddings and context rows.</summary>
    public int ProjectionDim { get; }

    /// <summary>Frames per clip the model takes.</summary>
    public int NumFrames { get; }

    /// <summary>Side of a square input frame.</summary>
    public int ImageSize { get; }

    /// <summary>Channels per frame.</summary>
    public int NumChannels { get; }

    /// <summary>Patches per frame (rows of one context).</summary>
    public int NumPatches { get; }

    /// <summary>Longest accepted token sequence.</summary>
    public int MaxTextLength { get; }

    /// <summary>Text features [n][P] (upstream <c>get_text_features</c>: NOT normalised, because the prompt generator takes
    /// them raw; normalise a copy for cosine search). Each id sequence is given at its true length (BOS ... EOS, no padding,
    /// at most <see cref="MaxTextLength"/>); the batch is right-padded internally, which the causal mask makes exact.</summary>
    public float[][] EncodeTexts(IReadOnlyList<long[]> tokenIds)
    {
        if (tokenIds.Count == 0) return [];
        int longest = tokenIds.Max(t => t.Length);
        if (tokenIds.Any(t => t.Length == 0) || longest > MaxTextLength)
            throw new XClipInputException($"Every token sequence needs 1..{MaxTextLength} ids; got lengths [{string.Join(", ", tokenIds.Select(t => t.Length))}].");
        var ids = new long[tokenIds.Count * longest];
        var mask = new long[ids.Length];
        for (int i = 0; i < tokenIds.Count; i++)
        {
            tokenIds[i].CopyTo(ids, i * longest);
            Array.Fill(mask, 1L, i * longest, tokenIds[i].Length);
        }
        using var scope = NewDisposeScope();
        var features = model.GetTextFeatures(
            torch.tensor(ids, [tokenIds.Count, longest]), torch.tensor(mask, [tokenIds.Count, longest]));
        return Rows(features);
    }

    /// <summary>Encodes <paramref name="videos"/> clips from preprocessed pixels laid out row-major as
    /// [videos, <see cref="NumFrames"/>, <see cref="NumChannels"/>, <see cref="ImageSize"/>, <see cref="ImageSize"/>].
    /// One vision pass yields each clip's L2-normalised embedding and its prompt context.</summary>
    public XClipVideoEmbedding[] EncodeVideos(float[] pixelValues, int videos)
    {
        long perVideo = (long)NumFrames * NumChannels * ImageSize * ImageSize;
        if (videos <= 0 || pixelValues.LongLength != videos * perVideo)
            throw new XClipInputException(
                $"pixelValues must hold {videos} x {NumFrames} x {NumChannels} x {ImageSize} x {ImageSize} = {videos * perVideo} floats, got {pixelValues.LongLength}.");
        using var scope = NewDisposeScope();
        using var encoding = model.GetVideoFeaturesWithContext(
            torch.tensor(pixelValues, [videos, NumFrames, NumChannels, ImageSize, ImageSize]));
        var normalised = encoding.VideoFeatures / encoding.VideoFeatures.norm(-1, true);
        var embeddings = Rows(normalised);
        var contexts = Rows(encoding.Context.reshape(videos, -1)); // (b, n, P) -> (b, n*P)
        return embeddings.Select((e, i) => new XClipVideoEmbedding(e, contexts[i])).ToArray();
    }

    private static float[][] Rows(Tensor matrix)
    {
        var values = matrix.to(ScalarType.Float32).contiguous().data<float>().ToArray();
        int rows = (int)matrix.shape[0], width = (int)matrix.shape[1];
        return Enumerable.Range(0, rows).Select(i => values.AsSpan(i * width, width).ToArray()).ToArray();
    }
}
