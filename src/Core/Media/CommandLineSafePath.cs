namespace VideoSearch.Core.Media;

/// <summary>
/// A path to a media file that survives FFMpegCore's command line. FFMpegCore joins all arguments into one string and
/// writes an input as <c>"PATH"</c> without escaping, and .NET splits that string back with the Windows rules, where
/// <c>"</c> ends the quoted path and <c>\</c> before a quote escapes it. A name holding either character (legal on
/// Linux: <c>He said "hi".mp4</c>) would reach ffmpeg cut or merged with the next argument, so such a file is
/// reached through a symbolic link with a plain name in a private temporary folder, removed on dispose. Every other
/// path (spaces, apostrophes, non-ASCII letters, a leading dash after the folder) is used as it is.
/// </summary>
internal sealed class CommandLineSafePath : IDisposable
{
    private readonly string? _link;

    private CommandLineSafePath(string path, string? link)
    {
        Path = path;
        _link = link;
    }

    /// <summary>The path to hand to FFMpegCore.</summary>
    public string Path { get; }

    /// <summary>Wraps a full path, making a link only when the path needs one.</summary>
    public static CommandLineSafePath For(string fullPath)
    {
        if (!NeedsLink(fullPath)) return new CommandLineSafePath(fullPath, null);
        // One folder per user, readable only by that user: the links name the user's files.
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "videosearch-media-links-" + Environment.UserName);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Keep the extension: ffmpeg uses it to pick a demuxer for formats it cannot recognise by content.
        string extension = System.IO.Path.GetExtension(fullPath);
        if (NeedsLink(extension)) extension = string.Empty;
        string link = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        File.CreateSymbolicLink(link, fullPath);
        return new CommandLineSafePath(link, link);
    }

    /// <summary>True when the text holds a character FFMpegCore's quoting cannot carry.</summary>
    internal static bool NeedsLink(string text) => text.AsSpan().IndexOfAny('"', '\\') >= 0;

    /// <summary>Removes the link, if one was made.</summary>
    public void Dispose()
    {
        if (_link is null) return;
        try
        {
            File.Delete(_link);
        }
        catch (IOException)
        {
            // A leftover link in the temporary folder is harmless; failing the media call over it is not.
        }
    }
}
