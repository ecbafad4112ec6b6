using System.CommandLine;
using System.Globalization;
using VideoSearch.Training.Scenes;

namespace VideoSearch.Cli.Commands;

/// <summary>
/// <c>videosearch scenes --out &lt;folder&gt; [--train 200] [--validation 20] [--test 30] [--seed 1] [--fps 25] [--jobs N]
/// [--force]</c>: writes a synthetic scene set (coloured shapes moving, growing and shrinking, one caption per scene)
/// for training and evaluating a model. An empty folder is filled; a folder holding the same set (same seed, counts
/// and rate) is resumed, keeping its finished videos; any other non-empty folder is refused unless <c>--force</c>,
/// which replaces the scene set there. SIGINT/SIGTERM stop it with no half-written video left.
/// </summary>
internal static class ScenesCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder to write the scene set to.", Required = true };
        var train = Count("--train", "Videos in train/.", 200);
        var validation = Count("--validation", "Videos in validation/.", 20);
        var test = Count("--test", "Videos in test/.", 30);
        var seed = new Option<ulong>("--seed")
        {
            Description = "The seed: the same seed and counts give the same scenes and the same frames.", DefaultValueFactory = _ => 1,
        };
        var fps = new Option<int>("--fps") { Description = "Frames per second of every video.", DefaultValueFactory = _ => 25 };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Videos encoded at once, each by one single-threaded ffmpeg (default: one per core). The output does not depend on it.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace the scene set in a folder that holds a different one (or other files) instead of refusing it; " +
                          "files the generator did not write are kept.",
        };
        var command = new Command("scenes",
            "Generate a synthetic scene set for training and evaluation: train/validation/test videos and one jsonl of captioned scenes per split.")
        {
            output, train, validation, test, seed, fps, jobs, force,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() => RunAsync(new SceneSetOptions
        {
            OutputFolder = parse.GetValue(output)!.FullName,
            TrainVideos = parse.GetValue(train),
            ValidationVideos = parse.GetValue(validation),
            TestVideos = parse.GetValue(test),
            Seed = parse.GetValue(seed),
            FramesPerSecond = parse.GetValue(fps),
            Parallelism = parse.GetValue(jobs),
            Force = parse.GetValue(force),
        }, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken), parse.InvocationConfiguration.Error));
        return command;
    }

    private static Option<int> Count(string name, string description, int byDefault) =>
        new(name) { Description = description, DefaultValueFactory = _ => byDefault };

    private static async Task<int> RunAsync(SceneSetOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Checked before anything is written, so a bad value leaves the folder untouched.
        options.Validate();
        var display = new ScenesProgressDisplay(error, interactive: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
        SceneSetSummary summary;
        try
        {
            summary = await new SceneSetGenerator().GenerateAsync(options, display, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            display.Finish();
            await error.WriteLineAsync("Stopped; run the same command again to continue where this one stopped.");
            throw;
        }
        display.Finish();
        var inv = CultureInfo.InvariantCulture;
        string perVideo = summary.VideosWritten > 0
            ? $", {(summary.Elapsed.TotalSeconds / summary.VideosWritten).ToString("0.00", inv)} s per video" : "";
        await output.WriteLineAsync(
            $"wrote {summary.VideosWritten} videos ({summary.VideosKept} kept from an earlier run), {summary.Scenes} scenes, " +
            $"{summary.VideoSeconds.ToString("0", inv)} s of video in {summary.Elapsed.TotalSeconds.ToString("0.0", inv)} s{perVideo}, to {options.OutputFolder}");
        return ExitCodes.Ok;
    }
}
