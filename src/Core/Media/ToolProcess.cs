using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace VideoSearch.Core.Media;

/// <summary>
/// Runs ffprobe/ffmpeg: arguments through <see cref="ProcessStartInfo.ArgumentList"/> (never a shell or a joined
/// command line, so names with spaces, quotes, non-ASCII letters or a leading dash reach the tool intact), a time
/// limit, cancellation, and the whole process tree killed on any early exit.
/// Hand-written rather than FFMpegCore's runner because that one joins arguments into a single string and offers
/// no streamed binary stdout with a line-by-line stderr reader, both of which frame extraction needs.
/// </summary>
internal static class ToolProcess
{
    private const int StderrTailLines = 20;

    /// <summary>
    /// Runs the tool to completion. Without <paramref name="readStdout"/> stdout is collected as text into
    /// <see cref="ToolResult.StandardOutput"/>; every stderr line is handed to <paramref name="onStderrLine"/> as it
    /// arrives. Timeout becomes <see cref="MediaErrorKind.Timeout"/>, a missing executable
    /// <see cref="MediaErrorKind.ToolMissing"/>, cancellation <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<ToolResult> RunAsync(
        ToolInvocation invocation,
        Func<Stream, CancellationToken, Task>? readStdout,
        Action<string>? onStderrLine,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(invocation.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string argument in invocation.Arguments) startInfo.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new MediaException(MediaErrorKind.ToolMissing, invocation.MediaPath,
                $"'{invocation.Executable}' could not be started ({e.Message}); install ffmpeg (scripts/install-deps).", e);
        }

        using var timeout = new CancellationTokenSource(invocation.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stderrTail = new Queue<string>();
        try
        {
            Task stderrTask = PumpStderrAsync(process.StandardError, line =>
            {
                onStderrLine?.Invoke(line);
                if (stderrTail.Count == StderrTailLines) stderrTail.Dequeue();
                stderrTail.Enqueue(line);
            }, linked.Token);
            Task<string> stdoutTask = readStdout is null
                ? process.StandardOutput.ReadToEndAsync(linked.Token)
                : ReadBinaryAsync(process.StandardOutput.BaseStream, readStdout, linked.Token);

            string stdout = await stdoutTask.ConfigureAwait(false);
            await stderrTask.ConfigureAwait(false);
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            return new ToolResult(process.ExitCode, stdout, stderrTail.ToList());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MediaException(MediaErrorKind.Timeout, invocation.MediaPath,
                $"{Path.GetFileName(invocation.Executable)} did not finish within {invocation.Timeout.TotalSeconds:0.#} s and was stopped.");
        }
        finally
        {
            KillTree(process);
        }
    }

    private static async Task<string> ReadBinaryAsync(Stream stdout, Func<Stream, CancellationToken, Task> read, CancellationToken token)
    {
        await read(stdout, token).ConfigureAwait(false);
        // Drain anything the reader did not want so the tool never blocks on a full pipe.
        await stdout.CopyToAsync(Stream.Null, token).ConfigureAwait(false);
        return "";
    }

    private static async Task PumpStderrAsync(StreamReader stderr, Action<string> onLine, CancellationToken token)
    {
        while (await stderr.ReadLineAsync(token).ConfigureAwait(false) is { } line) onLine(line);
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (process.HasExited) return;
            process.Kill(entireProcessTree: true);
            // Reap it so no zombie is left behind; a killed process exits at once.
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
    }
}
