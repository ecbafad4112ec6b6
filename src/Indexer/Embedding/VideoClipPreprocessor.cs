using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;

namespace VideoSearch.Indexer.Embedding;

/// <summary>
/// Preprocesses the clips of one video in plan order, resizing each decoded picture once: overlapping windows share
/// frames (the one-pass extraction hands the same <see cref="RgbFrame.Pixels"/> array to both), and with the default
/// plan (4 s windows every 2 s) half of every clip's frames are its predecessor's. Only the previous clip's results
/// are kept (a few MB), since plan order means older frames never come back. One instance per video, one thread.
/// </summary>
internal sealed class VideoClipPreprocessor(VideoMaeImageProcessor processor, int numFrames, int clipLength)
{
    private readonly int _frameLength = clipLength / numFrames;
    private Dictionary<byte[], float[]> _previous = new(ReferenceEqualityComparer.Instance);

    /// <summary>Distinct pictures resized so far (the rest were reused).</summary>
    public int FramesPreprocessed { get; private set; }

    /// <summary>One clip's frames as <c>[frames, 3, H, W]</c> floats, identical to preprocessing each frame anew.</summary>
    public float[] Preprocess(IReadOnlyList<RgbFrame> frames)
    {
        if (frames.Count != numFrames)
            throw new ArgumentException($"A clip needs {numFrames} frames, got {frames.Count}.", nameof(frames));
        var pixels = new float[clipLength];
        var current = new Dictionary<byte[], float[]>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < frames.Count; i++)
        {
            RgbFrame frame = frames[i];
            if (!current.TryGetValue(frame.Pixels, out float[]? values) && !_previous.TryGetValue(frame.Pixels, out values))
            {
                values = new float[_frameLength];
                processor.Preprocess(frame, values);
                FramesPreprocessed++;
            }
            current[frame.Pixels] = values;
            values.CopyTo(pixels.AsSpan(i * _frameLength, _frameLength));
        }
        _previous = current;
        return pixels;
    }
}
