using System.CommandLine;
using System.Diagnostics;
using VideoSearch.Cli;
using VideoSearch.TestSupport;
using VideoSearch.Training.Scenes;

namespace VideoSearch.Training.Tests.Scenes;

public sealed class ScenesCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    /// <summary>Runs <c>videosearch ARGS</c> in this process, with its output and errors captured.</summary>
    private static async Task<(int Code, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--train", "-1", "The number of train videos must lie in [0, 10000], not -1.")]
    [InlineData("--test", "10001", "The number of test videos must lie in [0, 10000], not 10001.")]
    [InlineData("--fps", "0", "The frame rate must lie in [1, 60] frames per second, not 0.")]
    [InlineData("--jobs", "-2", "The parallelism must be 0 (one per core) or more, not -2.")]
    public async Task Scenes_OutOfRangeValue_RefusedWithUsageCodeAndNothingWritten(string option, string value, string message)
    {
        string output = _temp.Sub("out");
        (int code, _, string error) = await InvokeAsync("scenes", "--out", output, option, value);
        Assert.Equal(2, code);
        Assert.Equal("error: " + message, error.Trim());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Scenes_NoVideosAtAll_Refused()
    {
        (int code, _, string error) = await InvokeAsync("scenes", "--out", _temp.Sub("out"), "--train", "0", "--validation", "0", "--test", "0");
        Assert.Equal(2, code);
        Assert.Contains("At least one video must be asked for.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--train", "many")]
    [InlineData("--seed", "-3")]
    public async Task Scenes_UnparsableValue_RefusedByTheParser(string option, string value)
    {
        (int code, _, string error) = await InvokeAsync("scenes", "--out", _temp.Sub("out"), option, value);
        // System.CommandLine's own answer to a parse error, as for every command.
        Assert.Equal(1, code);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenes_NoOut_RefusedByTheParser()
    {
        (int code, _, string error) = await InvokeAsync("scenes", "--train", "1");
        Assert.Equal(1, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenes_ForeignFolder_RefusedUnlessForcedAndTheSameSetResumes()
    {
        string output = _temp.Sub("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        string[] args = ["scenes", "--out", output, "--train", "1", "--validation", "0", "--test", "0", "--fps", "5", "--seed", "9"];

        (int refused, _, string why) = await InvokeAsync(args);
        Assert.Equal(2, refused);
        Assert.Contains("is not empty and holds no scene set", why, StringComparison.Ordinal);
        Assert.Contains("--force", why, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "train.jsonl")));

        (int forced, string said, _) = await InvokeAsync([.. args, "--force"]);
        Assert.Equal(0, forced);
        Assert.Contains("wrote 1 videos (0 kept", said, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(output, "train", "scenes-0000.mp4")));

        // The same command again finds its own set and keeps the finished video.
        DateTime written = File.GetLastWriteTimeUtc(Path.Combine(output, "train", "scenes-0000.mp4"));
        (int resumed, string again, _) = await InvokeAsync(args);
        Assert.Equal(0, resumed);
        Assert.Contains("wrote 0 videos (1 kept", again, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(output, "train", "scenes-0000.mp4")));

        // Other settings are another set: refused, naming what is there.
        (int other, _, string otherWhy) = await InvokeAsync([.. args[..^1], "10"]);
        Assert.Equal(2, other);
        Assert.Contains("holds a different scene set (seed 9, 1/0/0 videos, 5 fps", otherWhy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenes_Sigterm_StopsWith143LeavingNoPartialVideoNorFfmpeg()
    {
        string output = _temp.Sub("out");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Fixtures.CliAssembly(), "scenes", "--out", output, "--train", "40", "--validation", "0", "--test", "0", "--jobs", "2" })
            start.ArgumentList.Add(a);
        using Process cli = Process.Start(start)!;
        Task<string> errors = cli.StandardError.ReadToEndAsync();
        try
        {
            // Signal once ffmpeg is encoding (its partial output exists): the case where something must be cleaned up.
            var clock = Stopwatch.StartNew();
            while (!AnyPartial(output) && !cli.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
            Assert.True(AnyPartial(output), "no video was being written within 60 s");
            Posix.Signal(cli.Id, Posix.SigTerm);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await cli.WaitForExitAsync(limit.Token);
            string said = await errors;
            Assert.True(cli.ExitCode == 143, $"exit code {cli.ExitCode}:\n{said}");
            Assert.Contains("run the same command again to continue", said, StringComparison.Ordinal);
            Assert.False(AnyPartial(output), "a partial video was left");
            Assert.Empty(ProcessTable.Mentioning(output));
            // What is there under a final name is whole: it probes with every planned frame.
            VideoPlan[] plan = [.. ScenePlanner.Plan(new SceneSetOptions { OutputFolder = output, TrainVideos = 40, ValidationVideos = 0, TestVideos = 0 })];
            foreach (string video in Directory.EnumerateFiles(Path.Combine(output, "train"), "*.mp4"))
            {
                var info = await new Core.Media.MediaProbe().ProbeAsync(video);
                Assert.Equal(plan.Single(v => v.Name == Path.GetFileNameWithoutExtension(video)).FrameCount, info.FrameCount);
            }
        }
        finally
        {
            if (!cli.HasExited) cli.Kill(entireProcessTree: true);
            foreach (string entry in ProcessTable.Mentioning(output)) Posix.Signal(int.Parse(entry[..entry.IndexOf(':')]), Posix.SigKill);
        }
    }

    private static bool AnyPartial(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*" + SceneSetLayout.PartialSuffix, SearchOption.AllDirectories).Any();

    public void Dispose() => _temp.Dispose();
}
