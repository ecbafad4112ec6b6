using System.Diagnostics;
using FFMpegCore;

namespace VideoSearch.Core.Media;

/// <summary>
/// Checks that ffmpeg and ffprobe can be run before any video is tried, so a machine without them gets one clear
/// error instead of a failure per file. Each tool is looked up where FFMpegCore will start it (the configured
/// <see cref="MediaToolOptions.BinaryFolder"/>, else PATH, read at each check so a tool installed meanwhile is
/// found) and started once with <c>-version</c>, which also catches an executable that is present but broken
/// (missing shared libraries). Two short processes: cheap enough to run at every indexing pass.
/// </summary>
public sealed class MediaToolCheck(MediaToolOptions? options = null)
{
    /// <summary>How long <c>-version</c> may take; it answers in milliseconds unless the tool is stuck.</summary>
    internal static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(10);

    private readonly MediaToolOptions _options = options ?? MediaToolOptions.Default;

    /// <summary>What is wrong with each tool (e.g. "ffprobe is not on PATH"); empty when both run.</summary>
    public async Task<IReadOnlyList<string>> FindProblemsAsync(CancellationToken cancellationToken = default)
    {
        FFOptions ffOptions = _options.ToFFOptions();
        var problems = new List<string>();
        foreach (MediaTool tool in new[] { MediaTool.Ffmpeg, MediaTool.Ffprobe })
        {
            string name = ToolCall.Name(tool);
            string configured = tool == MediaTool.Ffprobe
                ? GlobalFFOptions.GetFFProbeBinaryPath(ffOptions)
                : GlobalFFOptions.GetFFMpegBinaryPath(ffOptions);
            string? executable = Locate(configured, ffOptions.BinaryFolder);
            if (executable is null)
            {
                problems.Add(ffOptions.BinaryFolder.Length > 0
                    ? $"there is no {name} in '{ffOptions.BinaryFolder}'"
                    : $"{name} is not on PATH");
                continue;
            }
            if (await RunsAsync(executable, cancellationToken).ConfigureAwait(false) is { } failure)
                problems.Add($"{executable} does not run ({failure})");
        }
        return problems;
    }

    /// <summary>Throws <see cref="MediaToolsMissingException"/> unless both tools run.</summary>
    public async Task EnsureAvailableAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> problems = await FindProblemsAsync(cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0) throw new MediaToolsMissingException(problems);
    }

    /// <summary>
    /// The file FFMpegCore would start: <paramref name="configured"/> itself when it is a path (FFMpegCore gives the
    /// bare name when the configured folder lacks the tool, which <see cref="ToolCall"/> reports as missing), else
    /// the first executable of that name on PATH, as the process starter looks it up.
    /// </summary>
    private static string? Locate(string configured, string binaryFolder)
    {
        if (configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return IsExecutable(configured) ? configured : null;
        if (binaryFolder.Length > 0) return null;
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, configured);
            if (IsExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file)) return false;
        if (OperatingSystem.IsWindows()) return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }

    /// <summary>Null when <c>executable -version</c> exits 0 in time; otherwise why not.</summary>
    private static async Task<string?> RunsAsync(string executable, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-hide_banner");
        start.ArgumentList.Add("-version");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(VersionTimeout);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
        using (process)
        {
            // Drain both pipes so a chatty tool cannot block on a full pipe before it exits.
            Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            Task<string> error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return $"-version did not answer within {VersionTimeout.TotalSeconds:0} s";
            }
            await Task.WhenAll(output, error).ConfigureAwait(false);
            if (process.ExitCode == 0) return null;
            string said = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .LastOrDefault() ?? "";
            return said.Length > 0 ? $"exit code {process.ExitCode}: {said}" : $"exit code {process.ExitCode}";
        }
    }
}
