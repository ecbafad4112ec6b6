using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Locking;

/// <summary>
/// One writer per library: a second <c>index</c>, or an <c>index</c> beside a <c>serve --media</c> on the same
/// <c>--db</c>, stops with exit code 5 and "library in use by PID …" naming the writer, and the library still
/// verifies. <c>search</c> and <c>verify</c> only read, and run beside a writer.
/// </summary>
public sealed class LibraryLockTests : IDisposable
{
    private const int InUse = 5;
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(90);
    /// <summary>A refused writer stops at start (program start and the lock check, a few seconds), long before the
    /// running writer is done; a writer that is not refused runs past this and fails the test quickly.</summary>
    private static readonly TimeSpan s_refusalLimit = TimeSpan.FromSeconds(30);
    private readonly TempLibrary _library = TempLibrary.Create(TempLibrary.MidBatchFiles);

    [Fact]
    public async Task Index_WhileAnotherIndexWrites_Exits5NamingTheWriterAndLeavesAVerifiedLibrary()
    {
        await using CliProcess writer = await CliProcess.StartAsync(_library.IndexArguments(), TempLibrary.ClipByClip);
        await _library.WaitForCatalogAsync(c => c.Clips > 0, writer, s_startLimit);

        (int code, string output) = await CliProcess.RunAsync(_library.IndexArguments(), s_refusalLimit);

        AssertInUse(code, output, writer.Pid);
        await StopWriterAsync(writer);
        await AssertVerifiesAsync();
    }

    [Fact]
    public async Task Index_TwoStartedTogether_ExactlyOneExits5AndTheLibraryVerifies()
    {
        await using CliProcess first = await CliProcess.StartAsync(_library.IndexArguments(), TempLibrary.ClipByClip);
        await using CliProcess second = await CliProcess.StartAsync(_library.IndexArguments(), TempLibrary.ClipByClip);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!first.HasExited && !second.HasExited && clock.Elapsed < s_refusalLimit) await Task.Delay(50);

        string both = $"first (PID {first.Pid}):\n{first.Output}\nsecond (PID {second.Pid}):\n{second.Output}";
        Assert.True(first.HasExited || second.HasExited, $"neither writer was refused within {s_refusalLimit}:\n{both}");
        (CliProcess loser, CliProcess winner) = first.HasExited ? (first, second) : (second, first);
        await loser.WaitForExitAsync(TimeSpan.FromSeconds(5)); // the rest of its output
        AssertInUse(loser.ExitCode, loser.Output, winner.Pid);
        Assert.False(winner.HasExited, $"both writers ended at once:\n{both}");
        await StopWriterAsync(winner);
        await AssertVerifiesAsync();
    }

    [Fact]
    public async Task Index_WhileServeIndexes_Exits5NamingTheServerAndLeavesAVerifiedLibrary()
    {
        int port = TempLibrary.FreePort();
        await using CliProcess serve = await CliProcess.StartAsync(_library.ServeArguments(port), TempLibrary.ClipByClip);
        await _library.WaitForCatalogAsync(c => c.Clips > 0, serve, s_startLimit);

        (int code, string output) = await CliProcess.RunAsync(_library.IndexArguments(), s_refusalLimit);

        AssertInUse(code, output, serve.Pid);
        await StopWriterAsync(serve);
        await AssertVerifiesAsync();
    }

    [Fact]
    public async Task Serve_WhileIndexWrites_Exits5NamingTheIndexer()
    {
        await using CliProcess writer = await CliProcess.StartAsync(_library.IndexArguments(), TempLibrary.ClipByClip);
        await _library.WaitForCatalogAsync(c => c.Clips > 0, writer, s_startLimit);

        (int code, string output) = await CliProcess.RunAsync(_library.ServeArguments(TempLibrary.FreePort()), s_refusalLimit);

        AssertInUse(code, output, writer.Pid);
        await StopWriterAsync(writer);
        await AssertVerifiesAsync();
    }

    [Fact]
    public async Task SearchAndVerify_WhileIndexWrites_RunWithoutWaitingForTheLock()
    {
        await using CliProcess writer = await CliProcess.StartAsync(_library.IndexArguments(), TempLibrary.ClipByClip);
        await _library.WaitForCatalogAsync(c => c.Clips > 0, writer, s_startLimit);

        (int searchCode, string searchOutput) = await CliProcess.RunAsync(
            ["search", "a red screen", "--db", _library.Database, "--model", TempLibrary.Model], s_startLimit);
        (int verifyCode, string verifyOutput) = await _library.VerifyAsync();
        bool writing = !writer.HasExited;

        Assert.True(searchCode == 0, $"search beside a writer exited {searchCode}:\n{searchOutput}");
        Assert.DoesNotContain("library in use", searchOutput, StringComparison.OrdinalIgnoreCase);
        // A check beside a writer may find the index file behind the catalog (1) but must run (not 5, not refused).
        Assert.True(verifyCode is 0 or 1, $"verify beside a writer exited {verifyCode}:\n{verifyOutput}");
        Assert.Matches("^(OK|FAILED): ", verifyOutput.Split('\n').Last(l => l.Trim().Length > 0));
        Assert.True(writing, $"the writer ended before the readers were done; they did not run beside it:\n{writer.Output}");
        await StopWriterAsync(writer);
        await AssertVerifiesAsync();
    }

    private static void AssertInUse(int code, string output, int holderPid)
    {
        Assert.True(code == InUse, $"expected exit code {InUse} (library in use), got {code}:\n{output}");
        Assert.Contains($"library in use by PID {holderPid}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ends the writer that holds the lock with SIGTERM, as an operator would: a one-shot index exits 143 (or 0 when
    /// it finished meanwhile), a server 0. The library must verify afterwards either way.
    /// </summary>
    private static async Task StopWriterAsync(CliProcess writer)
    {
        writer.Signal(Posix.SigTerm);
        int? code = await writer.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code is 0 or 143, $"the writer ended with {code?.ToString() ?? "nothing (still running)"} after SIGTERM:\n{writer.Output}");
    }

    private async Task AssertVerifiesAsync()
    {
        (int code, string output) = await _library.VerifyAsync();
        Assert.True(code == 0, $"verify exited {code}:\n{output}");
    }

    public void Dispose() => _library.Dispose();
}
