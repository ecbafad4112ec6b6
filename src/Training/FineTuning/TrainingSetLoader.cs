using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Decodes and preprocesses every window of a rows file once, before training, through the indexer's own parts:
/// <see cref="MediaProbe"/>, <see cref="FrameExtractor"/> (one ffmpeg pass per video) and the model's
/// <see cref="VideoMaeImageProcessor"/>. Epochs then cost no decoding. Videos are decoded two at a time; the samples
/// come back in row order, whatever order the videos finish in, so a seed gives the same run.
/// </summary>
public sealed class TrainingSetLoader(MediaProbe probe, FrameExtractor extractor, VideoMaeImageProcessor processor, ClipPlanOptions windows)
{
    /// <summary>Videos decoded at the same time.</summary>
    public const int Concurrency = 2;

    /// <summary>Every window of every row; <paramref name="progress"/> hears the number of videos done.</summary>
    /// <exception cref="TrainingDataException">A video is missing or unreadable, or a row ends after its video.</exception>
    public async Task<IReadOnlyList<TrainingSample>> LoadAsync(IReadOnlyList<TrainingRow> rows, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var videos = rows.Select((row, index) => (Row: index, Value: row)).GroupBy(r => r.Value.Video).ToArray();
        var loaded = new IReadOnlyList<TrainingSample>[videos.Length];
        int done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, videos.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                loaded[i] = await LoadVideoAsync(videos[i].Key, videos[i].ToArray(), token).ConfigureAwait(false);
                progress?.Report(Interlocked.Increment(ref done));
            }).ConfigureAwait(false);
        return loaded.SelectMany(s => s).OrderBy(s => s.Row).ThenBy(s => s.StartSeconds).ToArray();
    }

    private async Task<IReadOnlyList<TrainingSample>> LoadVideoAsync(string path, (int Row, TrainingRow Value)[] rows,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new TrainingDataException($"No such video: {path} (row {rows[0].Row + 1}).");
        VideoInfo video;
        try { video = await probe.ProbeAsync(path, cancellationToken).ConfigureAwait(false); }
        catch (MediaException e) { throw new TrainingDataException($"Cannot read {path}: {e.Message}", e); }
        // A caption's span must lie in the video; a rounding step over the end is the container's, not the caption's.
        double slack = FrameExtractor.TruncationTolerance(video);
        foreach (var (row, value) in rows)
            if (value.End > video.DurationSeconds + slack)
                throw new TrainingDataException(
                    $"Row {row + 1} ends at {value.End} s, after the end of {path} ({video.DurationSeconds:0.###} s).");

        var clipped = rows.Select(r => (r.Row, r.Value with { End = Math.Min(r.Value.End, video.DurationSeconds) })).ToArray();
        var (clips, owners) = TrainingWindows.Plan(clipped, windows);
        var byRow = rows.ToDictionary(r => r.Row, r => r.Value);
        var samples = new List<TrainingSample>(clips.Count);
        var preprocessed = new Dictionary<byte[], float[]>(ReferenceEqualityComparer.Instance);
        int frameLength = 0;
        try
        {
            await foreach (ExtractedClip clip in extractor.ExtractClipsAsync(video, clips, cancellationToken).ConfigureAwait(false))
            {
                var frames = clip.Frames.Select(frame => Preprocess(frame, preprocessed, ref frameLength)).ToArray();
                var pixels = new float[frames.Length * frameLength];
                for (int f = 0; f < frames.Length; f++) frames[f].CopyTo(pixels, f * frameLength);
                int row = owners[clip.Clip.Index];
                samples.Add(new TrainingSample(row, byRow[row].Caption, clip.Clip.StartSeconds, pixels));
            }
        }
        catch (MediaException e) { throw new TrainingDataException($"Cannot decode {path}: {e.Message}", e); }
        return samples;
    }

    // Overlapping windows share decoded frames (the same array); each picture is resized once.
    private float[] Preprocess(RgbFrame frame, Dictionary<byte[], float[]> done, ref int frameLength)
    {
        if (done.TryGetValue(frame.Pixels, out float[]? values)) return values;
        ImageSize size = processor.OutputSize(new ImageSize(frame.Height, frame.Width));
        values = new float[3 * size.Width * size.Height];
        processor.Preprocess(frame, values);
        frameLength = values.Length;
        done[frame.Pixels] = values;
        return values;
    }
}
