using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Library;

/// <summary>The library folder has no catalog, or the catalog holds no clips yet.</summary>
/// <param name="directory">The library folder.</param>
/// <param name="message">What is missing and what to do.</param>
public sealed class LibraryNotFoundException(string directory, string message) : VideoSearchException(ErrorKind.NotFound, message)
{
    /// <summary>The library folder.</summary>
    public string Directory { get; } = directory;
}
