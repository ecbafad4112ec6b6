using System.Diagnostics;

namespace VideoSearch.Cli.Tests.Support;

/// <summary>What every stop by a signal promises, checked in one place: the program ends within 10 s with the
/// expected exit code, leaves no ffmpeg or ffprobe behind, and leaves a saved vector index and a library that verifies.</summary>
internal static class StopAssert
{
    /// <summary>The promised bound from the signal to the end of the process.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>How long past <see cref="Bound"/> a stop is still waited for, so a slow stop is measured, not cut off.</summary>
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="stop"/> (a signal, a key press) and checks the outcome.</summary>
    public static async Task StopsCleanlyAsync(CliProcess cli, TempLibrary library, Action stop, int expectedExitCode)
    {
        // The program's children at the signal (ffmpeg, ffprobe mid-batch): each must be gone afterwards, even one
        // whose command line does not name the test's folder.
        IReadOnlyList<string> children = ProcessTable.ChildrenOf(cli.Pid);
        var clock = Stopwatch.StartNew();
        stop();
        int? code = await cli.WaitForExitAsync(s_patience);
        TimeSpan took = clock.Elapsed;
        Assert.True(code is not null, $"still running {took.TotalSeconds:F1} s after the stop:\n{cli.Output}");
        Assert.True(took <= Bound, $"took {took.TotalSeconds:F1} s to stop (at most {Bound.TotalSeconds} s):\n{cli.Output}");
        Assert.True(code == expectedExitCode, $"exit code {code}, expected {expectedExitCode}:\n{cli.Output}");

        Assert.Empty(await LeftoversAsync(() => [.. library.LeftoverProcesses(), .. ProcessTable.StillRunning(children)]));
        Assert.True(File.Exists(Path.Combine(library.Database, "vectors.hnsw")), $"no vectors.hnsw after the stop:\n{cli.Output}");
        (int verifyCode, string verifyOutput) = await library.VerifyAsync();
        Assert.True(verifyCode == 0, $"verify exited {verifyCode} after the stop:\n{verifyOutput}\nprogram output:\n{cli.Output}");
    }

    /// <summary>
    /// Processes of this test still alive shortly after the program ended. The short grace covers the kernel
    /// delivering a kill the program sent as it exited; an ffmpeg the program forgot runs for seconds more.
    /// </summary>
    private static async Task<IReadOnlyList<string>> LeftoversAsync(Func<IReadOnlyList<string>> find)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> left = find();
        while (left.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50);
            left = find();
        }
        return left;
    }
}
