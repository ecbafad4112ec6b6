using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Library;

/// <summary>Another process is writing the library (it holds the library lock).</summary>
/// <param name="directory">The library folder.</param>
/// <param name="holder">Who holds the lock, as that process recorded it (PID, command, start time), or null when unknown.</param>
public sealed class LibraryInUseException(string directory, string? holder)
    : VideoSearchException(ErrorKind.InUse,
        $"library in use by {holder ?? "another process"} (library '{directory}'): stop that process first, or use another --db.")
{
    /// <summary>The library folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Who holds the lock, or null when unknown.</summary>
    public string? Holder { get; } = holder;
}
