using VideoSearch.Web.Library;

namespace VideoSearch.Web.Media;

/// <summary>
/// The only way a file path becomes a served file: it must exist and, once every symbolic link is resolved, lie
/// inside one of the library's media folders (also resolved). The resolved path is what gets served, so a link
/// swapped after the check cannot redirect the response elsewhere through a stale name.
/// </summary>
internal sealed class MediaFileResolver(IMediaLibrary library)
{
    /// <summary>The canonical path of <paramref name="path"/> when it is a file inside a media folder; null otherwise.</summary>
    public string? ResolveFile(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0') || !Path.IsPathFullyQualified(path)) return null;
        string? real = RealPath.Resolve(Path.GetFullPath(path));
        if (real == null || !File.Exists(real)) return null;
        foreach (string root in RealRoots())
        {
            if (IsInside(real, root)) return real;
        }
        return null;
    }

    /// <summary>
    /// The canonical path of <paramref name="relativePath"/> (as it appears in a URL) taken under each media folder in
    /// turn; null when it is absolute, names no file, or leaves every folder.
    /// </summary>
    public string? ResolveRelative(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.Contains('\0') || relativePath.Contains('\\')) return null;
        if (Path.IsPathRooted(relativePath)) return null;
        foreach (string root in RealRoots())
        {
            string candidate = Path.GetFullPath(Path.Combine(root, relativePath));
            if (!IsInside(candidate, root)) continue;
            string? real = ResolveFile(candidate);
            if (real != null && IsInside(real, root)) return real;
        }
        return null;
    }

    /// <summary>Where <paramref name="path"/> sits relative to the media folder holding it, or its file name when none does.</summary>
    public string DisplayPath(string path)
    {
        foreach (string root in library.MediaRoots)
        {
            string full = Path.GetFullPath(root);
            if (IsInside(path, full)) return Path.GetRelativePath(full, path).Replace('\\', '/');
        }
        return Path.GetFileName(path);
    }

    private IEnumerable<string> RealRoots()
    {
        foreach (string root in library.MediaRoots)
        {
            string? real = string.IsNullOrEmpty(root) ? null : RealPath.Resolve(Path.GetFullPath(root));
            if (real != null && Directory.Exists(real)) yield return real;
        }
    }

    private static bool IsInside(string path, string root)
    {
        string prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return path.StartsWith(prefix, comparison);
    }
}
