using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Indexer.Embedding;

/// <summary>
/// The indexer's side of the process's model (<see cref="XClipInference"/>, shared with search when the host
/// registers one): preprocesses a clip's frames (thread-safe, called by the extraction stage) and embeds batches
/// of clips (the inference gate runs one model call at a time; torch spreads each batch over its threads).
/// </summary>
internal sealed class ClipEncoder : IDisposable
{
    private readonly XClipInference _inference;
    private readonly bool _ownsInference;
    private readonly VideoMaeImageProcessor _processor;
    private long _clipsEmbedded;

    /// <summary>
    /// Wraps the model's inference with its preprocessing and the identity of its weights; disposing the encoder
    /// disposes <paramref name="inference"/> only when <paramref name="ownsInference"/>.
    /// </summary>
    public ClipEncoder(XClipInference inference, bool ownsInference, PreprocessorConfig preprocessor, string modelId, string revision)
    {
        _inference = inference;
        _ownsInference = ownsInference;
        _processor = new VideoMaeImageProcessor(preprocessor);
        XClipVisionConfig vision = inference.Config.VisionConfig;
        NumFrames = vision.NumFrames;
        ClipLength = vision.NumFrames * vision.NumChannels * vision.ImageSize * vision.ImageSize;
        var crop = _processor.OutputSize(new ImageSize(vision.ImageSize, vision.ImageSize));
        if (crop.Height != vision.ImageSize || crop.Width != vision.ImageSize)
            throw new PreprocessorConfigException(
                $"The preprocessor makes {crop.Height}x{crop.Width} frames but the model takes {vision.ImageSize}x{vision.ImageSize}.");
        State = new ModelState(modelId, revision, inference.ProjectionDim, inference.ContextPatches, inference.ProjectionDim);
    }

    /// <summary>The indexer's side of the host's loaded model (which the host owns).</summary>
    public static ClipEncoder For(LoadedModel model) =>
        new(model.Inference, ownsInference: false, model.Preprocessor, model.ModelId, model.Revision);

    /// <summary>What the catalog records about this model (ids and vector shapes).</summary>
    public ModelState State { get; }

    /// <summary>The precision the clips are embedded in; the catalog records it per video.</summary>
    public XClipPrecision Precision => _inference.Precision;

    /// <summary>Frames per clip.</summary>
    public int NumFrames { get; }

    /// <summary>Floats of one preprocessed clip.</summary>
    public int ClipLength { get; }

    /// <summary>Clips embedded by this instance so far.</summary>
    public long ClipsEmbedded => Interlocked.Read(ref _clipsEmbedded);

    /// <summary>Preprocesses one clip's frames into <c>[frames, 3, H, W]</c> floats. Thread-safe.</summary>
    public float[] Preprocess(IReadOnlyList<RgbFrame> frames) => ForVideo().Preprocess(frames);

    /// <summary>A preprocessor for the clips of one video in plan order, resizing each shared picture once.</summary>
    public VideoClipPreprocessor ForVideo() => new(_processor, NumFrames, ClipLength);

    /// <summary>Embeds preprocessed clips in one batch.</summary>
    public async Task<XClipVideoEmbedding[]> EmbedAsync(IReadOnlyList<float[]> clips, CancellationToken cancellationToken)
    {
        var batch = new float[(long)clips.Count * ClipLength];
        for (int i = 0; i < clips.Count; i++) clips[i].CopyTo(batch, (long)i * ClipLength);
        XClipVideoEmbedding[] result = await _inference.EncodeVideosAsync(batch, clips.Count, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _clipsEmbedded, clips.Count);
        return result;
    }

    /// <summary>Releases the model when this encoder loaded it.</summary>
    public void Dispose()
    {
        if (_ownsInference) _inference.Dispose();
    }
}
