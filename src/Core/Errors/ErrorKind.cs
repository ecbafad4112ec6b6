namespace VideoSearch.Core.Errors;

/// <summary>
/// What kind of failure a <see cref="VideoSearchException"/> is. The command line maps it to an exit code and the web
/// API to an HTTP status, each in one table, so every command and endpoint answers the same failure the same way.
/// </summary>
public enum ErrorKind
{
    /// <summary>Something the user gave is invalid: an option, a query, a model folder's content, a media file.</summary>
    InvalidInput,

    /// <summary>Something named does not exist: a model, a library, a file, an id.</summary>
    NotFound,

    /// <summary>
    /// The environment is not ready, not the input: a missing tool (ffmpeg), a full disk, a permission, an unreachable
    /// service. Retrying once the cause is gone can succeed.
    /// </summary>
    Environment,

    /// <summary>The library is being written by another process.</summary>
    InUse,

    /// <summary>Stored data is damaged; the message says how to recover.</summary>
    Corrupt,

    /// <summary>The work ran and failed for a reason the message states.</summary>
    Failed,
}
