using VideoSearch.Core.Inference;
using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Search.Examples;

/// <summary>
/// Query by example with a video file that need not be indexed: the file goes through the indexer's steps (probe,
/// clip plan, frames, preprocessing, one vision pass) and its clips' normalised embeddings are averaged into one
/// query vector for <see cref="SearchService.SearchSimilarAsync(float[], int, Contracts.SearchFilters?, CancellationToken)"/>.
/// </summary>
public sealed class VideoExampleEncoder
{
    private readonly Func<CancellationToken, Task<(XClipInference, PreprocessorConfig)>> _model;
    private readonly MediaProbe _probe;
    private readonly FrameExtractor _extractor;

    /// <summary>An encoder with the host's model.</summary>
    public VideoExampleEncoder(ModelHandle model, MediaProbe probe, FrameExtractor extractor)
        : this(async ct => await model.GetAsync(ct).ConfigureAwait(false) is var m ? (m.Inference, m.Preprocessor) : default, probe, extractor)
    {
    }

    /// <summary>An encoder with one loaded model and its preprocessing.</summary>
    public VideoExampleEncoder(XClipInference inference, PreprocessorConfig preprocessor, MediaProbe probe, FrameExtractor extractor)
        : this(_ => Task.FromResult((inference, preprocessor)), probe, extractor)
    {
    }

    private VideoExampleEncoder(Func<CancellationToken, Task<(XClipInference, PreprocessorConfig)>> model, MediaProbe probe,
        FrameExtractor extractor)
    {
        _model = model;
        _probe = probe;
        _extractor = extractor;
    }

    /// <summary>At most this many clips, spread evenly over the file, are embedded (a long file stays a quick query).</summary>
    public const int MaxClips = 8;

    /// <summary>The unit-length mean embedding of the file's clips.</summary>
    /// <exception cref="MediaException">The file cannot be probed or decoded (the message names it).</exception>
    /// <exception cref="SearchQueryException">The file has no video to sample.</exception>
    public async Task<float[]> EncodeAsync(string path, CancellationToken cancellationToken)
    {
        (XClipInference inference, PreprocessorConfig preprocessor) = await _model(cancellationToken).ConfigureAwait(false);
        VideoInfo video = await _probe.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        var planned = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(inference.Config.VisionConfig.NumFrames));
        if (planned.Count == 0) throw new SearchQueryException($"'{path}' has no frames to search with.");
        var clips = Enumerable.Range(0, Math.Min(MaxClips, planned.Count))
            .Select(i => planned[(int)((long)i * planned.Count / Math.Min(MaxClips, planned.Count))]).ToList();

        var frames = new List<IReadOnlyList<RgbFrame>>(clips.Count);
        foreach (Clip clip in clips)
            frames.Add(await _extractor.ExtractClipAsync(video, clip, cancellationToken).ConfigureAwait(false));
        PixelValues pixels = new VideoMaeImageProcessor(preprocessor).PreprocessVideos(frames);
        var embeddings = await inference.EncodeVideosAsync(pixels.Data, clips.Count, cancellationToken).ConfigureAwait(false);

        var mean = new float[inference.ProjectionDim];
        foreach (var embedding in embeddings)
            for (int d = 0; d < mean.Length; d++) mean[d] += embedding.Embedding[d];
        float norm = MathF.Sqrt(mean.Sum(x => x * x));
        for (int d = 0; d < mean.Length; d++) mean[d] /= norm;
        return mean;
    }
}
