using VideoSearch.Core.Errors;

namespace VideoSearch.Cli;

/// <summary>
/// Process exit codes, one table for every command, so scripts and service managers can tell failures apart. The
/// README's table is this one.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Success; also a server (or <c>index --watch</c>) stopped by SIGTERM or Ctrl+C, which is how it ends.</summary>
    public const int Ok = 0;
    /// <summary>The work ran but something is wrong (a failed check, a broken file when it was the only input).</summary>
    public const int Failed = 1;
    /// <summary>The command line or an input value is invalid (an option, a query, a model's files, a setting).</summary>
    public const int Usage = 2;
    /// <summary>Something needed is missing: a model, a library, a file.</summary>
    public const int NotFound = 3;
    /// <summary>The machine is not ready: ffmpeg missing, disk full, permission denied, a service unreachable.</summary>
    public const int Environment = 4;
    /// <summary>The library is being written by another process.</summary>
    public const int InUse = 5;
    /// <summary>Stored data (the catalog) is damaged; the message says how to recover.</summary>
    public const int Corrupt = 6;
    /// <summary>Stopped by Ctrl+C (SIGINT) before the work was done; the next run continues.</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM before the work was done; the next run continues.</summary>
    public const int Terminated = 143;

    /// <summary>The exit code of a failure of <paramref name="kind"/>.</summary>
    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => Usage,
        ErrorKind.NotFound => NotFound,
        ErrorKind.Environment => Environment,
        ErrorKind.InUse => InUse,
        ErrorKind.Corrupt => Corrupt,
        _ => Failed,
    };
}
