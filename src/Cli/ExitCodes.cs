namespace VideoSearch.Cli;

/// <summary>Process exit codes, so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The work ran but something is wrong (a failed check, a broken file when it was the only input).</summary>
    public const int Failed = 1;
    /// <summary>The command line or an input value is invalid.</summary>
    public const int Usage = 2;
    /// <summary>Something needed is missing: a model, a library, a file.</summary>
    public const int NotFound = 3;
    /// <summary>Stopped by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
