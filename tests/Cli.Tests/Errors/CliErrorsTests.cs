using VideoSearch.Core.Errors;

namespace VideoSearch.Cli.Tests.Errors;

/// <summary>How a failure reaches the person at the terminal: one line and an exit code, never a stack trace.</summary>
public sealed class CliErrorsTests
{
    [Theory]
    [InlineData(ErrorKind.InvalidInput, 2)]
    [InlineData(ErrorKind.InUse, 5)]
    [InlineData(ErrorKind.Corrupt, 6)]
    public void Report_VideoSearchException_PrintsOneLineWithoutStackTraceAndReturnsItsCode(ErrorKind kind, int expected)
    {
        var error = new StringWriter();

        int code = CliErrors.Report(Thrown(new ProbeFailure(kind, "the library in /tmp/x is in use by PID 42")), error);

        Assert.Equal(expected, code);
        string[] lines = Lines(error);
        if (Environment.GetEnvironmentVariable("VIDEOSEARCH_DEBUG") == "1") return; // a developer asked for the trace
        Assert.Equal(["error: the library in /tmp/x is in use by PID 42"], lines);
    }

    [Fact]
    public void Report_UnexpectedException_SaysItIsABugWithoutStackTraceAndReturns1()
    {
        var error = new StringWriter();

        int code = CliErrors.Report(Thrown(new InvalidOperationException("boom")), error);

        Assert.Equal(1, code);
        string[] lines = Lines(error);
        Assert.Equal("unexpected error (InvalidOperationException): boom", lines[0]);
        if (Environment.GetEnvironmentVariable("VIDEOSEARCH_DEBUG") == "1") return;
        Assert.Equal(2, lines.Length);
        Assert.Contains("VIDEOSEARCH_DEBUG=1", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(FileNotFoundException), 3)]
    [InlineData(typeof(DirectoryNotFoundException), 3)]
    [InlineData(typeof(UnauthorizedAccessException), 4)]
    public void ExitCodeOf_SystemExceptionsUsersCanActOn_MapToTheTable(Type type, int expected) =>
        Assert.Equal(expected, CliErrors.ExitCodeOf((Exception)Activator.CreateInstance(type)!));

    [Fact]
    public void ExitCodeOf_AnyOtherException_IsNullABug() => Assert.Null(CliErrors.ExitCodeOf(new NullReferenceException()));

    [Fact]
    public async Task RunAsync_BodyCancelledWithoutASignal_Returns130()
    {
        int code = await CliErrors.RunAsync(() => throw new OperationCanceledException());

        Assert.Equal(130, code);
    }

    [Fact]
    public async Task RunAsync_BodyResult_IsTheExitCode()
    {
        Assert.Equal(3, await CliErrors.RunAsync(() => Task.FromResult(3)));
    }

    /// <summary>The exception after a real throw, so it carries a stack trace that must not be printed.</summary>
    private static Exception Thrown(Exception e)
    {
        try
        {
            throw e;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    private sealed class ProbeFailure(ErrorKind kind, string message) : VideoSearchException(kind, message);
}
