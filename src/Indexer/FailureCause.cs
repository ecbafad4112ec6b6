namespace VideoSearch.Indexer;

/// <summary>Whose fault a failed video is, which decides when it is tried again.</summary>
public enum FailureCause
{
    /// <summary>The file itself (damaged, not a video, no picture): tried again only once the file changes.</summary>
    File,

    /// <summary>
    /// The machine (ffmpeg missing, a permission, an I/O error, an unforeseen error): the file is not at fault, so
    /// it is tried again on the next start and, while watching, as soon as the cause is seen to be gone.
    /// </summary>
    Environment,
}
