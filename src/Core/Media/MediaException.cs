using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Media;

/// <summary>A media file that cannot be used, with the reason and the file it concerns.</summary>
public sealed class MediaException : VideoSearchException
{
    /// <summary>Creates the exception; <paramref name="detail"/> is a sentence for end users.</summary>
    public MediaException(MediaErrorKind kind, string path, string detail, Exception? inner = null)
        : base(KindOf(kind), $"{path}: {detail}", inner)
    {
        Reason = kind;
        FilePath = path;
        Detail = detail;
    }

    /// <summary>Why the file could not be used.</summary>
    public MediaErrorKind Reason { get; }

    /// <summary>The file the failure concerns, as it was given.</summary>
    public string FilePath { get; }

    /// <summary>The explanation without the path.</summary>
    public string Detail { get; }

    /// <summary>True when the machine, not the file, is at fault: retrying once the tool is installed can succeed.</summary>
    public bool IsEnvironmental => Reason is MediaErrorKind.ToolMissing;

    private static ErrorKind KindOf(MediaErrorKind kind) => kind switch
    {
        MediaErrorKind.NotFound => ErrorKind.NotFound,
        MediaErrorKind.ToolMissing => ErrorKind.Environment,
        MediaErrorKind.Timeout => ErrorKind.Failed,
        _ => ErrorKind.InvalidInput,
    };
}
