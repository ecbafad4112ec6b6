using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Indexer.Embedding;

/// <summary>
/// The indexer's one model owner: preprocesses a clip's frames (thread-safe, called by the extraction stage) and
/// embeds batches of clips (called by the single embedding stage only; torch spreads each batch over its threads).
/// </summary>
internal sealed class ClipEncoder : IDisposable
{
    private readonly XClipModel _model;
    private readonly XClipEmbedder _embedder;
    private readonly VideoMaeImageProcessor _processor;
    private long _clipsEmbedded;

    /// <summary>Wraps a loaded model (owned from now on) with its preprocessing and the identity of its weights.</summary>
    public ClipEncoder(XClipModel model, PreprocessorConfig preprocessor, string modelId, string revision)
    {
        _model = model;
        _embedder = new XClipEmbedder(model);
        _processor = new VideoMaeImageProcessor(preprocessor);
        var crop = _processor.OutputSize(new ImageSize(_embedder.ImageSize, _embedder.ImageSize));
        if (crop.Height != _embedder.ImageSize || crop.Width != _embedder.ImageSize)
            throw new PreprocessorConfigException(
                $"The preprocessor makes {crop.Height}x{crop.Width} frames but the model takes {_embedder.ImageSize}x{_embedder.ImageSize}.");
        State = new ModelState(modelId, revision, _embedder.ProjectionDim, _embedder.NumPatches, _embedder.ProjectionDim);
    }

    /// <summary>Loads the model and preprocessor of a resolved model folder.</summary>
    public static ClipEncoder Load(ResolvedModel resolved)
    {
        TorchRuntime.EnsureLoaded();
        (string id, string revision) = ModelIdentity.Of(resolved);
        var config = PreprocessorConfig.FromFolder(resolved.Folder);
        var model = XClipModel.FromPretrained(resolved.Folder);
        try
        {
            return new ClipEncoder(model, config, id, revision);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>What the catalog records about this model (ids and vector shapes).</summary>
    public ModelState State { get; }

    /// <summary>Frames per clip.</summary>
    public int NumFrames => _embedder.NumFrames;

    /// <summary>Floats of one preprocessed clip.</summary>
    public int ClipLength => _embedder.NumFrames * _embedder.NumChannels * _embedder.ImageSize * _embedder.ImageSize;

    /// <summary>Clips embedded by this instance so far.</summary>
    public long ClipsEmbedded => Interlocked.Read(ref _clipsEmbedded);

    /// <summary>Preprocesses one clip's frames into <c>[frames, 3, H, W]</c> floats. Thread-safe.</summary>
    public float[] Preprocess(IReadOnlyList<RgbFrame> frames)
    {
        if (frames.Count != NumFrames)
            throw new ArgumentException($"A clip needs {NumFrames} frames, got {frames.Count}.", nameof(frames));
        var pixels = new float[ClipLength];
        int perFrame = ClipLength / NumFrames;
        for (int i = 0; i < frames.Count; i++) _processor.Preprocess(frames[i], pixels.AsSpan(i * perFrame, perFrame));
        return pixels;
    }

    /// <summary>Embeds preprocessed clips in one batch. Not thread-safe: one caller at a time.</summary>
    public XClipVideoEmbedding[] Embed(IReadOnlyList<float[]> clips)
    {
        var batch = new float[(long)clips.Count * ClipLength];
        for (int i = 0; i < clips.Count; i++) clips[i].CopyTo(batch, (long)i * ClipLength);
        XClipVideoEmbedding[] result = _embedder.EncodeVideos(batch, clips.Count);
        Interlocked.Add(ref _clipsEmbedded, clips.Count);
        return result;
    }

    /// <summary>Releases the model's tensors.</summary>
    public void Dispose() => _model.Dispose();
}
