using System.Diagnostics;
using System.Text;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Media;
using VideoSearch.Training.FineTuning;
using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// Writes a whole synthetic scene set (<see cref="SceneSetLayout"/>): plans it (<see cref="ScenePlanner"/>), renders
/// and encodes the videos not yet there, several at once (<see cref="SceneSetOptions.EffectiveParallelism"/>), then
/// writes each split's rows. A stopped run leaves only finished videos, and the next run with the same settings
/// continues where it stopped.
/// </summary>
public sealed class SceneSetGenerator(MediaToolOptions? options = null)
{
    private readonly SceneVideoEncoder _encoder = new(options);

    /// <summary>
    /// Generates the set <paramref name="options"/> describes. Throws <see cref="SceneSetException"/> for bad options,
    /// an output folder in the way or an ffmpeg failure, <see cref="OperationCanceledException"/> when cancelled
    /// (ffmpeg is stopped and its partial file deleted before it returns).
    /// </summary>
    public async Task<SceneSetSummary> GenerateAsync(
        SceneSetOptions options, IProgress<SceneSetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<VideoPlan> videos = ScenePlanner.Plan(options);
        string folder = Path.GetFullPath(options.OutputFolder);
        bool resume = SceneSetFolder.Prepare(options with { OutputFolder = folder });
        VideoPlan[] pending = resume ? [.. videos.Where(v => !File.Exists(SceneSetLayout.VideoPath(folder, v)))] : [.. videos];
        int kept = videos.Count - pending.Length, done = kept;
        progress?.Report(new SceneSetProgress(done, videos.Count, null));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, parallel, async (video, token) =>
        {
            await _encoder.EncodeAsync(video, SceneSetLayout.VideoPath(folder, video), token).ConfigureAwait(false);
            progress?.Report(new SceneSetProgress(Interlocked.Increment(ref done), videos.Count, video.RelativePath));
        }).ConfigureAwait(false);

        foreach (SceneSplit split in SceneSetLayout.Splits)
        {
            TrainingRowsFile.Write(SceneSetLayout.RowsPath(folder, split), videos.Where(v => v.Split == split).SelectMany(v => v.Rows()));
        }
        AtomicFile.Write(Path.Combine(folder, CaptionAugmentations.FileName),
            stream => stream.Write(Encoding.UTF8.GetBytes(SceneVocabulary.Augmentations.ToJson())));
        return new SceneSetSummary(pending.Length, kept, videos.Sum(v => v.Scenes.Count), videos.Sum(v => v.DurationSeconds), clock.Elapsed);
    }
}
