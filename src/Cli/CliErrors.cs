using VideoSearch.Core.Hub;

namespace VideoSearch.Cli;

/// <summary>
/// Runs a command body and turns failures into one clear line on stderr and an exit code. The project's own
/// exceptions carry messages written for users, so they are printed as they are; anything else is a bug and is
/// reported as such (with the stack trace when VIDEOSEARCH_DEBUG=1).
/// </summary>
internal static class CliErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Stopped.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (IsDomainError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (Environment.GetEnvironmentVariable("VIDEOSEARCH_DEBUG") == "1") Console.Error.WriteLine(e);
            return ExitCodeFor(e);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"unexpected error ({e.GetType().Name}): {e.Message}");
            Console.Error.WriteLine(Environment.GetEnvironmentVariable("VIDEOSEARCH_DEBUG") == "1"
                ? e.ToString()
                : "Run again with VIDEOSEARCH_DEBUG=1 for details, and please report it.");
            return ExitCodes.Failed;
        }
    }

    private static bool IsDomainError(Exception e) =>
        e.GetType().Namespace?.StartsWith("VideoSearch.", StringComparison.Ordinal) == true
        || e is FileNotFoundException or DirectoryNotFoundException;

    private static int ExitCodeFor(Exception e) => e switch
    {
        ModelReferenceException or ArgumentException => ExitCodes.Usage,
        HubFileNotFoundException or HubOfflineException or FileNotFoundException or DirectoryNotFoundException => ExitCodes.NotFound,
        _ => ExitCodes.Failed,
    };
}
