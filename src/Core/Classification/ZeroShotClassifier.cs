using TorchSharp;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Processing;

namespace VideoSearch.Core.Classification;

/// <summary>
/// The X-CLIP model card's example as a service: sample <c>num_frames</c> consecutive frames of a video, prepare
/// them and the labels with <see cref="XClipProcessor"/>, run <see cref="XClipModel.Forward(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, TorchSharp.torch.Tensor)"/> and softmax
/// <c>logits_per_video</c> over the labels.
/// </summary>
public sealed class ZeroShotClassifier(XClipModel model, XClipProcessor processor, MediaProbe probe, FrameExtractor extractor)
{
    /// <summary>Classifies the window starting at <paramref name="windowStartSeconds"/>, or a random window (seeded when
    /// <paramref name="seed"/> is given) when it is null.</summary>
    public async Task<ClassificationResult> ClassifyAsync(
        string videoPath, IReadOnlyList<string> labels, double? windowStartSeconds, int? seed, CancellationToken cancellationToken)
    {
        if (labels.Count == 0 || labels.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("give one or more non-empty labels", nameof(labels));

        VideoInfo video = await probe.ProbeAsync(videoPath, cancellationToken).ConfigureAwait(false);
        int numFrames = model.Config.VisionConfig.NumFrames;
        long frameCount = Math.Max(1, video.FrameCount);
        double fps = video.FramesPerSecond > 0 ? video.FramesPerSecond : frameCount / Math.Max(video.DurationSeconds, 1e-6);
        long[] indices = windowStartSeconds is double start
            ? ConsecutiveFrameSampler.FixedWindow(numFrames, frameCount, (long)Math.Floor(start * fps))
            : ConsecutiveFrameSampler.RandomWindow(numFrames, frameCount, seed);
        // The middle of each frame's display interval, kept inside the stream's duration.
        double[] timestamps = indices.Select(i => Math.Min((i + 0.5) / fps, Math.Max(0, video.DurationSeconds - 0.5 / fps))).ToArray();

        IReadOnlyList<RgbFrame> frames = await extractor.ExtractAsync(video, timestamps, cancellationToken).ConfigureAwait(false);
        XClipInputs inputs = processor.Process(labels, [frames]);
        float[] logits = Score(inputs);
        return new ClassificationResult(labels, Softmax.Of(logits.Select(l => (double)l).ToArray()).Select(p => (float)p).ToArray(), logits, timestamps);
    }

    private float[] Score(XClipInputs inputs)
    {
        var text = inputs.Text!;
        var pixels = inputs.PixelValues!;
        using var scope = torch.NewDisposeScope();
        var inputIds = torch.tensor(text.InputIds, [text.Rows, text.Columns]);
        var mask = torch.tensor(text.AttentionMask, [text.Rows, text.Columns]);
        var pixelValues = torch.tensor(pixels.Data, pixels.Shape);
        using var output = model.Forward(inputIds, mask, pixelValues);
        return output.LogitsPerVideo[0].data<float>().ToArray(); // (1 video, labels) -> (labels)
    }
}
