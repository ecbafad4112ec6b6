namespace VideoSearch.Core.Media;

/// <summary>A media file that cannot be used, with the reason and the file it concerns.</summary>
public sealed class MediaException : Exception
{
    /// <summary>Creates the exception; <paramref name="detail"/> is a sentence for end users.</summary>
    public MediaException(MediaErrorKind kind, string path, string detail, Exception? inner = null)
        : base($"{path}: {detail}", inner)
    {
        Kind = kind;
        FilePath = path;
        Detail = detail;
    }

    /// <summary>The category of failure.</summary>
    public MediaErrorKind Kind { get; }

    /// <summary>The file the failure concerns, as it was given.</summary>
    public string FilePath { get; }

    /// <summary>The explanation without the path.</summary>
    public string Detail { get; }
}
