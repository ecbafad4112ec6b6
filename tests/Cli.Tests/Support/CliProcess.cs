using System.Diagnostics;
using System.Text;
using VideoSearch.TestSupport;

namespace VideoSearch.Cli.Tests.Support;

/// <summary>
/// The real <c>videosearch</c> program, started for one test with its output captured: either directly (stdout and
/// stderr are pipes, as under systemd) or on a pseudo-terminal through <c>pty_run.py</c>, so that Ctrl+C is a key press
/// and not a signal the test aims at one process. Every wait is bounded; disposing kills whatever is still running.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    /// <summary>How long a process may run before the terminal helper kills it: a backstop far above any test's wait.</summary>
    private const int TerminalBackstopSeconds = 240;
    private const string PidPrefix = "pty_run: pid ";

    // Settings a developer's shell may carry that would change what the program under test does.
    private static readonly string[] s_scrubbed =
        ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "VIDEOSEARCH_DEBUG", "VIDEOSEARCH_DB", "VIDEOSEARCH_MODEL",
            "VIDEOSEARCH_CATALOG"];
    private static readonly string[] s_scrubbedPrefixes = ["Web__", "Indexer__", "Search__", "Logging__"];

    private readonly Process _process;
    private readonly bool _terminal;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _pid = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process, bool terminal)
    {
        _process = process;
        _terminal = terminal;
        if (!terminal) _pid.SetResult(process.Id);
    }

    /// <summary>The id of the <c>videosearch</c> process itself (not of the terminal helper).</summary>
    public int Pid => _pid.Task.Result;

    /// <summary>Everything the program wrote so far (stdout and stderr, or the terminal), line by line.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>True once the program has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; only valid once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>videosearch <paramref name="arguments"/></c>.</summary>
    /// <param name="arguments">The command line after the program name.</param>
    /// <param name="environment">Variables to set (e.g. <c>Indexer__BatchSize</c>); the rest is inherited, minus settings that would change the program.</param>
    /// <param name="terminal">Run on a pseudo-terminal, so <see cref="PressCtrlC"/> works.</param>
    public static async Task<CliProcess> StartAsync(IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, bool terminal = false)
    {
        var start = new ProcessStartInfo(terminal ? "python3" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = terminal,
            UseShellExecute = false,
        };
        if (terminal)
        {
            foreach (string argument in new[] { PtyHelper, "--timeout", TerminalBackstopSeconds.ToString(), "--", "dotnet" })
                start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add(Fixtures.CliAssembly());
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (string key in start.Environment.Keys.ToList())
            if (s_scrubbed.Contains(key) || s_scrubbedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
                start.Environment.Remove(key);
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var cli = new CliProcess(Process.Start(start)!, terminal);
        cli._process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        if (terminal)
        {
            Task first = await Task.WhenAny(cli._pid.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            if (first != cli._pid.Task)
            {
                await cli.DisposeAsync();
                throw new TimeoutException($"the terminal helper did not start the program:\n{cli.Output}");
            }
        }
        return cli;
    }

    /// <summary>Runs <c>videosearch <paramref name="arguments"/></c> to the end (at most <paramref name="limit"/>).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        await using CliProcess cli = await StartAsync(arguments, environment);
        if (await cli.WaitForExitAsync(limit) is not { } code)
            throw new TimeoutException($"videosearch {string.Join(' ', arguments)} did not end within {limit}:\n{cli.Output}");
        return (code, cli.Output);
    }

    /// <summary>Sends a signal (e.g. SIGTERM) to the program itself.</summary>
    public void Signal(int signal) => Posix.Signal(Pid, signal);

    /// <summary>Types Ctrl+C on the program's terminal (only for a program started with <c>terminal: true</c>).</summary>
    public void PressCtrlC()
    {
        if (!_terminal) throw new InvalidOperationException("Ctrl+C needs a program started on a terminal");
        _process.StandardInput.WriteLine("ctrl-c");
        _process.StandardInput.Flush();
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; throws when the program ends first or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"videosearch exited with {_process.ExitCode} before printing '{text}':\n{Output}");
            if (clock.Elapsed > limit) throw new TimeoutException($"no '{text}' within {limit}:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>The exit code, or null when the program is still running after <paramref name="limit"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        // Polled, not Process.WaitForExitAsync: that also waits for the output pipes to close, which a left-behind
        // ffmpeg holding them would delay, and the time to exit is what the signal tests measure.
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            if (clock.Elapsed > limit) return null;
            await Task.Delay(20);
        }
        using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(drained.Token); // the rest of the output
        }
        catch (OperationCanceledException)
        {
            // a child still holds the pipes; the leftover-process checks report it
        }
        return _process.ExitCode;
    }

    /// <summary>Kills what is still running (the last-resort cleanup of a failed test) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (_pid.Task.IsCompletedSuccessfully) Posix.Signal(_pid.Task.Result, Posix.SigKill);
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it ended meanwhile
            }
            await WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
    }

    private static string PtyHelper => Path.Combine(AppContext.BaseDirectory, "pty_run.py");

    private void Append(string? line)
    {
        if (line is null) return;
        if (_terminal && !_pid.Task.IsCompleted && line.StartsWith(PidPrefix, StringComparison.Ordinal))
        {
            _pid.TrySetResult(int.Parse(line[PidPrefix.Length..]));
            return;
        }
        lock (_output) _output.AppendLine(line);
    }
}
