using System.ComponentModel;
using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using Instances.Exceptions;

namespace VideoSearch.Core.Media;

/// <summary>
/// Runs one FFMpegCore call (an ffprobe analysis or an ffmpeg command) under the media rules: the caller's
/// cancellation and a time limit merged into one token, which FFMpegCore turns into killing the process it started;
/// a bounded wait for that kill; and FFMpegCore's start-up failures turned into a <see cref="MediaException"/> that
/// names the media file.
/// </summary>
/// <remarks>
/// How FFMpegCore 6.0.0 stops a process (read in its source and in Instances 3.1.0, which it runs processes with):
/// <c>FFProbe.*Async(..., cancellationToken)</c> registers <c>Process.Kill()</c> on the token; an
/// <c>FFMpegArgumentProcessor</c> made <c>CancellableThrough</c> a token sends <c>q</c> and kills the process once
/// the grace period is over (zero here). Both then wait for the process to exit and for its output pipes to close,
/// and .NET reaps it, so no ffprobe/ffmpeg process and no zombie is left. The kill is of that one process, not a
/// tree: ffprobe and ffmpeg start no children, but a wrapper script put in their place may, and those children keep
/// the pipes open; <see cref="KillGrace"/> bounds the wait for that case so a call still ends in bounded time.
/// </remarks>
internal static class ToolCall
{
    /// <summary>How long to wait for FFMpegCore to report a killed process gone (a killed process exits at once).</summary>
    internal static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="run"/> with a token that fires on <paramref name="cancellationToken"/> or after
    /// <paramref name="limit"/>. A timeout becomes <see cref="MediaErrorKind.Timeout"/>, cancellation
    /// <see cref="OperationCanceledException"/>, a missing or unusable executable <see cref="MediaErrorKind.ToolMissing"/>,
    /// a vanished input file <see cref="MediaErrorKind.NotFound"/>. Other exceptions pass through for the caller to map.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        MediaTool tool, FFOptions ffOptions, string mediaPath, TimeSpan limit, CancellationToken cancellationToken,
        Func<CancellationToken, Task<T>> run)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = new ToolTimeLimit(limit);
        return await RunAsync(tool, ffOptions, mediaPath, timeout, cancellationToken, run).ConfigureAwait(false);
    }

    /// <summary>
    /// As above, with a time limit the caller can pause (see <see cref="ToolTimeLimit"/>); the caller disposes it
    /// after this call has returned.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        MediaTool tool, FFOptions ffOptions, string mediaPath, ToolTimeLimit timeout, CancellationToken cancellationToken,
        Func<CancellationToken, Task<T>> run)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureInFolder(tool, ffOptions, mediaPath);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        // FFMpegCore's own callback on the token kills its process, and throws when the token fires before the process
        // has started ("No process is associated"); relayed through a source of its own, that throw stays here
        // instead of escaping from whoever cancelled the caller's token (a signal handler, a host stopping).
        using var forTool = new CancellationTokenSource();
        using CancellationTokenRegistration relay = linked.Token.Register(() =>
        {
            try
            {
                forTool.Cancel();
            }
            catch (AggregateException)
            {
                // Nothing was running to kill yet.
            }
        });
        // Task.Run: FFMpegCore checks the executable with a synchronous "-version" run before its first await, which
        // must not hold up the caller or escape the time limit.
        Task<T> task = Task.Run(() => run(forTool.Token), CancellationToken.None);
        try
        {
            try
            {
                return await task.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!task.IsCompleted)
            {
                // The token fired and FFMpegCore is killing the process: wait until it reports it gone.
                if (await Task.WhenAny(task, Task.Delay(KillGrace, CancellationToken.None)).ConfigureAwait(false) != task)
                {
                    _ = task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                }
                throw new OperationCanceledException(linked.Token);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.Expired)
        {
            string seconds = timeout.Limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new MediaException(MediaErrorKind.Timeout, mediaPath, $"{Name(tool)} did not finish within {seconds} s and was stopped.", e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (FileNotFoundException e)
        {
            // FFMpegCore checks that the input exists before it starts the tool; the file went away since.
            throw new MediaException(MediaErrorKind.NotFound, mediaPath, "the file does not exist.", e);
        }
        catch (Exception e) when (IsStartFailure(e))
        {
            throw new MediaException(MediaErrorKind.ToolMissing, mediaPath,
                $"{Name(tool)} could not be started ({e.Message}); install ffmpeg (scripts/install-deps).", e);
        }
    }

    /// <summary>
    /// Runs an ffmpeg command inside <see cref="RunAsync{T}(MediaTool, FFOptions, string, TimeSpan, CancellationToken, Func{CancellationToken, Task{T}})"/>'s
    /// delegate: made <c>CancellableThrough</c> with a zero grace period, so <paramref name="token"/> kills ffmpeg at
    /// once, and a cancelled run reported as <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<FFMpegResult> ProcessFfmpegAsync(FFMpegArgumentProcessor command, FFOptions ffOptions, CancellationToken token)
    {
        command.CancellableThrough(out Action stop, TimeSpan.Zero);
        using CancellationTokenRegistration registration = token.Register(() => StopQuietly(stop));
        FFMpegResult run = await command.ProcessAsynchronously(throwOnError: false, ffOptions).ConfigureAwait(false);
        if (run.Cancelled) throw new OperationCanceledException(token);
        return run;
    }

    /// <summary>The last few lines a tool wrote to stderr, joined for an error message (frame logs left out).</summary>
    public static string Summary(IEnumerable<string> stderr) =>
        string.Join(" / ", stderr.Where(l => l.Length > 0 && !l.Contains("Parsed_showinfo_", StringComparison.Ordinal)).TakeLast(3));

    /// <summary>The executable name FFMpegCore looks for.</summary>
    public static string Name(MediaTool tool) => tool == MediaTool.Ffprobe ? "ffprobe" : "ffmpeg";

    /// <summary>
    /// Stops ffmpeg through FFMpegCore (kill at once: the grace period is zero). FFMpegCore first writes "q" to
    /// ffmpeg's stdin, which fails with an <see cref="IOException"/> only when ffmpeg has already exited; that must
    /// not escape into the token's Cancel (the time limit's timer thread).
    /// </summary>
    private static void StopQuietly(Action stop)
    {
        try
        {
            stop();
        }
        catch (IOException)
        {
            // ffmpeg is gone already.
        }
        catch (ObjectDisposedException)
        {
            // FFMpegCore has finished and released the process.
        }
    }

    /// <summary>
    /// FFMpegCore falls back to PATH when <see cref="FFOptions.BinaryFolder"/> lacks the executable; a configured
    /// folder that lacks it is a setup mistake to report, not to paper over with whatever PATH holds.
    /// </summary>
    private static void EnsureInFolder(MediaTool tool, FFOptions ffOptions, string mediaPath)
    {
        if (ffOptions.BinaryFolder.Length == 0) return;
        string resolved = tool == MediaTool.Ffprobe
            ? GlobalFFOptions.GetFFProbeBinaryPath(ffOptions)
            : GlobalFFOptions.GetFFMpegBinaryPath(ffOptions);
        if (resolved == Name(tool))
        {
            throw new MediaException(MediaErrorKind.ToolMissing, mediaPath,
                $"there is no {Name(tool)} in '{ffOptions.BinaryFolder}'; install ffmpeg (scripts/install-deps) or fix the configured folder.");
        }
    }

    /// <summary>
    /// FFMpegCore's own "not found" check throws the plain <see cref="FFMpegException"/>/<see cref="FFProbeException"/>
    /// (its process and report failures are subclasses); an executable that exists but cannot be run (no execute
    /// permission) surfaces as the <see cref="Win32Exception"/> from starting the process, and one that vanished
    /// after that check as Instances' <see cref="InstanceFileNotFoundException"/>.
    /// </summary>
    private static bool IsStartFailure(Exception e) =>
        e is Win32Exception or InstanceFileNotFoundException || e.GetType() == typeof(FFMpegException) || e.GetType() == typeof(FFProbeException);
}
