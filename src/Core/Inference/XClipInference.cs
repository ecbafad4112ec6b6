using System.Runtime.InteropServices;
using TorchSharp;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Core.Text;
using static TorchSharp.torch;

namespace VideoSearch.Core.Inference;

/// <summary>
/// The one loaded X-CLIP model of a process, shared by the indexer and search: owns the model and its tokenizer.
/// A TorchSharp module is not safe to call from several threads at once, so calls are serialised, but per tower:
/// the vision tower (indexing, search by example) and the query side (text encoder, prompt-generator scoring) use
/// disjoint weights and each has its own async gate. A search typed while the server indexes therefore runs next
/// to the clip batch being embedded instead of queueing behind it (seconds with the full-size model). Every call
/// runs under inference mode with its own dispose scope, and arrays go in and out, so no tensor handle escapes.
/// </summary>
public sealed class XClipInference : IDisposable
{
    private readonly XClipModel _model;
    private readonly XClipEmbedder _embedder;
    private readonly FusedPromptScorer _scorer;
    private readonly SemaphoreSlim _queryGate = new(1, 1);
    private readonly SemaphoreSlim _visionGate = new(1, 1);
    private readonly bool _ownsModel;

    /// <summary>Wraps a loaded model and its tokenizer; <paramref name="ownsModel"/> makes <see cref="Dispose"/> dispose the model.</summary>
    public XClipInference(XClipModel model, ClipTokenizer tokenizer, string modelId, bool ownsModel = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        _model = model;
        _embedder = new XClipEmbedder(model);
        _scorer = new FusedPromptScorer(model);
        _ownsModel = ownsModel;
        Tokenizer = tokenizer;
        ModelId = modelId;
    }

    /// <summary>Names the loaded model (a hub id or a folder) for messages.</summary>
    public string ModelId { get; }

    /// <summary>The model's tokenizer (thread-safe).</summary>
    public ClipTokenizer Tokenizer { get; }

    /// <summary>The precision the model's matmuls run in (<see cref="XClipModel.UsePrecision"/>); inputs and outputs are fp32 either way.</summary>
    public XClipPrecision Precision => _model.Precision;

    /// <summary>The model's configuration.</summary>
    public XClipConfig Config => _model.Config;

    /// <summary>Width P of text features, video embeddings and context rows.</summary>
    public int ProjectionDim => _embedder.ProjectionDim;

    /// <summary>Rows of one clip's prompt context (patches per frame).</summary>
    public int ContextPatches => _embedder.NumPatches;

    /// <summary>Longest token sequence the text model takes (77 for CLIP).</summary>
    public int MaxTextLength => _embedder.MaxTextLength;

    /// <summary>Loads <c>config.json</c>, <c>model.safetensors</c> and the tokenizer files from <paramref name="modelFolder"/> on the CPU,
    /// then converts the linear layers to <paramref name="precision"/>.</summary>
    /// <exception cref="ModelFilesMissingException">The folder lacks any of these files (all are named).</exception>
    /// <exception cref="ModelTooLargeException">The config describes a model that does not fit in <paramref name="memory"/>
    /// (<see cref="ModelMemoryBudget.Default"/> when null); nothing is allocated.</exception>
    public static XClipInference Load(string modelFolder, string? modelId = null, ModelMemoryBudget? memory = null,
        XClipPrecision precision = XClipPrecision.Fp32)
    {
        ModelFilesMissingException.ThrowIfMissing(modelFolder, [.. ModelLocator.RequiredFiles, .. ClipModelFiles.RequiredFiles]);
        // The config first: an absurd or oversized one is refused in milliseconds, before the tokenizer is built
        // and before any weight is read (FromPretrained checks it again, which costs one small parse).
        (memory ?? ModelMemoryBudget.Default).EnsureFits(XClipConfig.Load(Path.Combine(modelFolder, "config.json")));
        TorchRuntime.EnsureLoaded();
        var tokenizer = ClipTokenizer.FromFolder(modelFolder);
        var model = XClipModel.FromPretrained(modelFolder, memory: memory);
        // Before the wrapper is built: its prompt scorer copies the projection weights in the model's precision.
        if (precision != XClipPrecision.Fp32) model.UsePrecision(precision);
        return new XClipInference(model, tokenizer, modelId ?? modelFolder);
    }

    /// <summary>
    /// Switches the query side's text-tower linears to <paramref name="weights"/> (see
    /// <see cref="XClipQueryLinears.UseQueryWeights"/>): <see cref="XClipQueryWeights.Int8"/> reads a quarter of the
    /// weight bytes per query (text encoding about 2.4x faster on 2 Zen 2 cores), fp32 is the reference. Waits for a running query; call once at start.
    /// </summary>
    public void UseQueryWeights(XClipQueryWeights weights)
    {
        _queryGate.Wait();
        try { _model.UseQueryWeights(weights); }
        finally { _queryGate.Release(); }
    }

    /// <summary>Text features [texts][P] (not normalised) for token ids given at their true length (see <see cref="XClipEmbedder.EncodeTexts"/>).</summary>
    public Task<float[][]> EncodeTextsAsync(IReadOnlyList<long[]> tokenIds, CancellationToken cancellationToken = default) =>
        RunAsync(_queryGate, () => _embedder.EncodeTexts(tokenIds), cancellationToken);

    /// <summary>Each clip's normalised embedding and prompt context from preprocessed pixels (see <see cref="XClipEmbedder.EncodeVideos"/>).</summary>
    public Task<XClipVideoEmbedding[]> EncodeVideosAsync(float[] pixelValues, int videos, CancellationToken cancellationToken = default) =>
        RunAsync(_visionGate, () => _embedder.EncodeVideos(pixelValues, videos), cancellationToken);

    /// <summary>
    /// X-CLIP <c>logits_per_video</c> [clips][texts] for text features against clips given as one row-major buffer of
    /// embeddings [clips, P] and one of contexts [clips, patches, P]: the numbers the full forward pass gives, without
    /// running the vision tower. One batched call however many clips, with the cross-attention regrouped so its cost no
    /// longer grows with P x P per context row (see <see cref="FusedPromptScorer"/>).
    /// </summary>
    /// <exception cref="XClipInputException">A buffer does not match <paramref name="clips"/> and the model's shapes.</exception>
    public Task<float[][]> ScoreAsync(IReadOnlyList<float[]> textFeatures, ReadOnlyMemory<float> embeddings,
        ReadOnlyMemory<float> contexts, int clips, CancellationToken cancellationToken = default)
    {
        int p = ProjectionDim, n = ContextPatches;
        if (clips < 0 || embeddings.Length != (long)clips * p || contexts.Length != (long)clips * n * p)
            throw new XClipInputException(
                $"{clips} clips need {clips * p} embedding and {(long)clips * n * p} context floats; got {embeddings.Length} and {contexts.Length}.");
        foreach (float[] feature in textFeatures)
            if (feature.Length != p) throw new XClipInputException($"A text feature needs {p} floats, got {feature.Length}.");
        if (clips == 0 || textFeatures.Count == 0)
            return Task.FromResult(Enumerable.Range(0, clips).Select(_ => new float[textFeatures.Count]).ToArray());
        return RunAsync(_queryGate, () =>
        {
            using var scope = NewDisposeScope();
            var text = torch.tensor(textFeatures.SelectMany(f => f).ToArray(), [textFeatures.Count, p]);
            // Shared, not cloned: a K-clip context batch is megabytes per query.
            var video = SharedView(embeddings).view(clips, p);
            var context = SharedView(contexts).view(clips, n, p);
            var logits = _scorer.Logits(text, video, context).contiguous(); // (clips, texts)
            float[] flat = logits.data<float>().ToArray();
            int texts = textFeatures.Count;
            return Enumerable.Range(0, clips).Select(i => flat.AsSpan(i * texts, texts).ToArray()).ToArray();
        }, cancellationToken);
    }

    /// <summary>A tensor over the memory's floats without copying them when an array backs it (always, in practice).</summary>
    private static Tensor SharedView(ReadOnlyMemory<float> values)
    {
        if (!MemoryMarshal.TryGetArray(values, out ArraySegment<float> segment) || segment.Array is null)
            return torch.tensor(values.ToArray());
        return torch.frombuffer(segment.Array, ScalarType.Float32).narrow(0, segment.Offset, segment.Count);
    }

    /// <summary>Runs <paramref name="work"/> alone on its part of the model; the gate is awaited, never blocked on.</summary>
    private static async Task<T> RunAsync<T>(SemaphoreSlim gate, Func<T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var mode = torch.inference_mode();
            return work();
        }
        finally { gate.Release(); }
    }

    /// <summary>Disposes the model when this instance owns it.</summary>
    public void Dispose()
    {
        _scorer.Dispose();
        if (_ownsModel) _model.Dispose();
        _queryGate.Dispose();
        _visionGate.Dispose();
    }
}
