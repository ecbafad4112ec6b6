using System.Diagnostics.CodeAnalysis;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Media;
using VideoSearch.Web.Library;

namespace VideoSearch.Web.Media;

/// <summary>
/// The only way a path from a request or the catalog becomes a served file or a folder filter: Core's
/// <see cref="MediaPathGuard"/> decides whether it lies inside a media folder once every link is resolved. The
/// resolved path is what gets served, so a link swapped after the check cannot redirect the response elsewhere.
/// </summary>
internal sealed class MediaFileResolver(IMediaLibrary library)
{
    /// <summary>The canonical path of <paramref name="path"/> (absolute) when it is a file inside a media folder; null otherwise.</summary>
    public string? ResolveFile(string path)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathFullyQualified(path)) return null;
        foreach (MediaPathGuard guard in Guards())
        {
            if (guard.TryResolve(path, out string? real) && File.Exists(real)) return real;
        }
        return null;
    }

    /// <summary>
    /// The canonical path of <paramref name="relativePath"/> (as it appears in a URL) taken under each media folder in
    /// turn; null when it is absolute, names no file, or leaves every folder.
    /// </summary>
    public string? ResolveRelative(string relativePath)
    {
        if (!IsRelativeRequestPath(relativePath)) return null;
        foreach (MediaPathGuard guard in Guards())
        {
            if (guard.TryResolve(relativePath, out string? real) && File.Exists(real)) return real;
        }
        return null;
    }

    /// <summary>
    /// The folder a request's <c>folder=</c> names, as a full path under the configured media folder (links not
    /// resolved, so it compares with the catalog's paths, which are recorded the same way). With one media folder the
    /// value is relative to it; with several, a first segment equal to a media folder's name selects that folder,
    /// and otherwise the first media folder holding the value is used. False when the value is absolute, holds a NUL
    /// or a backslash, leaves its media folder (<c>..</c>, a link pointing outside), or names no existing folder.
    /// </summary>
    public bool TryResolveFolder(string relativeFolder, [NotNullWhen(true)] out string? folder)
    {
        folder = null;
        string trimmed = relativeFolder.Trim();
        if (!IsRelativeRequestPath(trimmed)) return false;
        string value = trimmed.TrimEnd('/');
        var roots = library.MediaRoots.Where(r => !string.IsNullOrEmpty(r)).Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).ToList();
        if (roots.Count > 1)
        {
            string first = value.Split('/', 2)[0];
            string rest = value.Length > first.Length ? value[(first.Length + 1)..] : "";
            foreach (string root in roots.Where(r => Path.GetFileName(r) == first))
            {
                if (TryFolderUnder(root, rest, out folder)) return true;
            }
        }
        foreach (string root in roots)
        {
            if (TryFolderUnder(root, value, out folder)) return true;
        }
        return false;
    }

    /// <summary>Where <paramref name="path"/> sits relative to the media folder holding it, or its file name when none does.</summary>
    public string DisplayPath(string path)
    {
        foreach (string root in library.MediaRoots)
        {
            if (string.IsNullOrEmpty(root)) continue;
            string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            if (path != full && MediaPathGuard.IsUnder(path, full)) return Path.GetRelativePath(full, path).Replace('\\', '/');
        }
        return Path.GetFileName(path);
    }

    /// <summary>
    /// <paramref name="text"/> (e.g. an indexing error) fit for a response: paths inside a media folder shown relative
    /// to it, every other absolute path cut to its last segment (<see cref="PathRedaction"/>).
    /// </summary>
    public string PublicText(string text)
    {
        foreach (string root in library.MediaRoots.Where(r => !string.IsNullOrEmpty(r)))
        {
            string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            text = text.Replace(full + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            if (!Directory.Exists(full)) continue;
            string real = new MediaPathGuard(full).Root;
            if (real != full) text = text.Replace(real + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        }
        return PathRedaction.Redact(text);
    }

    private static bool TryFolderUnder(string root, string relative, [NotNullWhen(true)] out string? folder)
    {
        folder = null;
        if (!Directory.Exists(root)) return false;
        var guard = new MediaPathGuard(root);
        if (!guard.TryResolve(relative.Length == 0 ? "." : relative, out string? real) || !Directory.Exists(real)) return false;
        // Both spellings must stay inside: the resolved one for access, the written one for the catalog's paths.
        string written = relative.Length == 0 ? root : Path.TrimEndingDirectorySeparator(Path.GetFullPath(relative, root));
        if (!MediaPathGuard.IsUnder(written, root)) return false;
        folder = written;
        return true;
    }

    /// <summary>A path as a URL carries it: not empty, relative, no NUL, no backslash (never a separator on the wire).</summary>
    private static bool IsRelativeRequestPath(string path) =>
        !string.IsNullOrEmpty(path) && !path.Contains('\0') && !path.Contains('\\') && !Path.IsPathRooted(path);

    // Made per request: a media folder that is a link, or one mounted later, is judged as it is now.
    private IEnumerable<MediaPathGuard> Guards()
    {
        foreach (string root in library.MediaRoots)
        {
            if (string.IsNullOrEmpty(root) || !Directory.Exists(root)) continue;
            yield return new MediaPathGuard(root);
        }
    }
}
