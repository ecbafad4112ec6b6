using Microsoft.Extensions.Options;
using VideoSearch.Core.Errors;

namespace VideoSearch.Cli;

/// <summary>
/// Runs a command body and turns failures into one clear line on stderr and an exit code. The project's own
/// exceptions (<see cref="VideoSearchException"/>) carry messages written for users, so they are printed as they
/// are; anything else is a bug and is reported as such (with the stack trace when VIDEOSEARCH_DEBUG=1).
/// </summary>
internal static class CliErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> body, TextWriter? error = null)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            return ShutdownSignals.StoppedExitCode();
        }
        catch (Exception e)
        {
            return Report(e, error ?? Console.Error);
        }
    }

    /// <summary>Writes <paramref name="e"/> for a person (after <paramref name="context"/>, e.g. "indexing failed") and returns its exit code.</summary>
    public static int Report(Exception e, TextWriter error, string? context = null)
    {
        string prefix = context is null ? "error: " : $"error: {context}: ";
        bool debug = Environment.GetEnvironmentVariable("VIDEOSEARCH_DEBUG") == "1";
        if (e is OptionsValidationException invalid)
        {
            foreach (string failure in invalid.Failures) error.WriteLine($"error: {failure}");
            return ExitCodes.Usage;
        }
        if (ExitCodeOf(e) is { } code)
        {
            error.WriteLine(prefix + e.Message);
            if (debug) error.WriteLine(e);
            return code;
        }
        error.WriteLine($"unexpected error ({e.GetType().Name}){(context is null ? "" : $" while {context}")}: {e.Message}");
        error.WriteLine(debug ? e.ToString() : "Run again with VIDEOSEARCH_DEBUG=1 for details, and please report it.");
        return ExitCodes.Failed;
    }

    /// <summary>The exit code for a failure the user can act on, or null for a bug.</summary>
    public static int? ExitCodeOf(Exception e) => e switch
    {
        VideoSearchException known => ExitCodes.For(known.Kind),
        OptionsValidationException => ExitCodes.Usage,
        FileNotFoundException or DirectoryNotFoundException => ExitCodes.NotFound,
        UnauthorizedAccessException => ExitCodes.Environment,
        _ => null,
    };
}
