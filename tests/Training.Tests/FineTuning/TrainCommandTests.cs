using System.CommandLine;
using System.Diagnostics;
using VideoSearch.Cli;
using VideoSearch.Core.Checkpoints;
using VideoSearch.TestSupport;
using VideoSearch.Training.FineTuning;

namespace VideoSearch.Training.Tests.FineTuning;

[Collection(TrainingRunCollection.Name)]
public sealed class TrainCommandTests(TrainingSetFixture set)
{
    private static readonly string Kit = Fixtures.Reference("xclip-tiny-clipvocab");

    private static async Task<(int Code, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, error.ToString());
    }

    [Theory]
    [InlineData("--batch", "1", "--batch must be 2..4096")]
    [InlineData("--lr", "0", "--lr must be in (0, 1)")]
    [InlineData("--epochs", "0", "--epochs must be 1..100000")]
    public async Task Train_BadOption_IsAUsageError(string option, string value, string expected)
    {
        (int code, string error) = await InvokeAsync("train", "--data", set.TrainRows, "--model", Kit, "--out", set.NewFolder(), option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_IntoAFolderThatHoldsFiles_IsRefusedWithoutResume()
    {
        string output = set.NewFolder();
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        (int code, string error) = await InvokeAsync("train", "--data", set.TrainRows, "--model", Kit, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("is not empty; pass --resume", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
    }

    // SIGTERM only: a test host started in the background ignores SIGINT, and so would the child it starts. Ctrl+C goes
    // through the same ShutdownSignals token (checked by hand through a terminal: exit 130, the last epoch whole).
    [Theory]
    [InlineData(Posix.SigTerm, 143)]
    public async Task Train_Signal_StopsBetweenSteps_LeavingTheLastSavedEpochWhole(int signal, int exitCode)
    {
        string output = set.NewFolder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Fixtures.CliAssembly(), "train", "--data", set.TrainRows, "--validation", set.ValidationRows,
                     "--model", Kit, "--out", output, "--epochs", "500", "--batch", "4" })
            start.ArgumentList.Add(a);
        using Process cli = Process.Start(start)!;
        var said = new System.Text.StringBuilder();
        var saved = new TaskCompletionSource();
        cli.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (said) said.AppendLine(e.Data);
            if (e.Data.StartsWith("epoch 1/500 saved", StringComparison.Ordinal)) saved.TrySetResult();
        };
        cli.BeginErrorReadLine();
        try
        {
            await saved.Task.WaitAsync(TimeSpan.FromSeconds(120));
            var clock = Stopwatch.StartNew();
            Posix.Signal(cli.Id, signal);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await cli.WaitForExitAsync(limit.Token);
            string text;
            lock (said) text = said.ToString();
            Assert.True(cli.ExitCode == exitCode, $"exit code {cli.ExitCode}:\n{text}");
            Assert.Contains($"stopped; {output} holds epoch", text, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} to stop");
            Assert.Empty(ModelFolderCheck.Problems(output));
            Assert.InRange(TrainerState.Load(output).EpochsDone, 1, 499);
            Assert.False(Directory.Exists(output + ".saving"), "a half-written epoch was left");
        }
        finally
        {
            if (!cli.HasExited) cli.Kill(entireProcessTree: true);
        }
    }
}
