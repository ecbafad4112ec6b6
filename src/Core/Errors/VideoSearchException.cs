namespace VideoSearch.Core.Errors;

/// <summary>
/// Base of every exception this project throws on purpose. Its message is written for the person running the
/// program (it names the file or value concerned and what to do), so hosts print it as it is, while anything that is
/// not a <see cref="VideoSearchException"/> is a bug and is reported as one.
/// </summary>
public abstract class VideoSearchException : Exception
{
    /// <summary>Creates the exception with its kind, message and cause.</summary>
    protected VideoSearchException(ErrorKind kind, string message, Exception? inner = null) : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>What kind of failure this is; exit codes and HTTP statuses follow from it.</summary>
    public ErrorKind Kind { get; }

    /// <summary>
    /// The message without absolute server paths, for answers that leave the machine (the web API): each path is
    /// replaced by its file name.
    /// </summary>
    public virtual string PublicMessage => PathRedaction.Redact(Message);
}
