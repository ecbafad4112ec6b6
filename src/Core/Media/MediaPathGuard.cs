using System.Diagnostics.CodeAnalysis;

namespace VideoSearch.Core.Media;

/// <summary>
/// Keeps file access inside a media root: a path counts as inside only if, after every symbolic link in it is
/// resolved and every '..' applied, it still lies under the (equally resolved) root. Used by the indexer before
/// probing and by the web server before serving a file or filtering by a folder.
/// Hand-written: .NET resolves a link only in a path's last component (<see cref="FileSystemInfo.ResolveLinkTarget"/>),
/// so the walk below resolves each component in turn, as realpath(3) does.
/// </summary>
public sealed class MediaPathGuard
{
    // The same limit Linux applies before failing with ELOOP.
    private const int MaxLinks = 40;

    /// <summary>Creates a guard for <paramref name="root"/> (resolved once, here).</summary>
    public MediaPathGuard(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Resolve(Path.GetFullPath(root), root);
    }

    /// <summary>The root with all links resolved.</summary>
    public string Root { get; }

    /// <summary>
    /// True when <paramref name="path"/> (absolute, or relative to the root) resolves to the root or below it.
    /// A path that does not exist is judged by its resolved parent folders and its name.
    /// </summary>
    public bool IsInside(string path) => TryResolve(path, out _);

    /// <summary>
    /// Resolves <paramref name="path"/> (absolute, or relative to the root) and tells whether the result lies at or
    /// below the root; <paramref name="resolved"/> is then the path with every link resolved, the one to open (a link
    /// swapped after the check cannot redirect an open through the original name). A path holding a NUL, or one
    /// whose links loop, is never inside.
    /// </summary>
    public bool TryResolve(string path, [NotNullWhen(true)] out string? resolved)
    {
        ArgumentNullException.ThrowIfNull(path);
        resolved = null;
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal)) return false;
        string candidate;
        try
        {
            candidate = Resolve(Path.GetFullPath(path, Root), path);
        }
        catch (MediaException)
        {
            return false;
        }
        if (!IsUnder(candidate, Root)) return false;
        resolved = candidate;
        return true;
    }

    /// <summary>
    /// Returns the resolved full path of <paramref name="path"/>, or throws <see cref="MediaException"/> with
    /// <see cref="MediaErrorKind.OutsideMediaRoot"/> when it leaves the root.
    /// </summary>
    public string EnsureInside(string path)
    {
        if (!TryResolve(path, out string? resolved))
        {
            throw new MediaException(MediaErrorKind.OutsideMediaRoot, path, $"the path leads outside the media folder {Root} and is not used.");
        }
        return resolved;
    }

    /// <summary>
    /// Whether the full path <paramref name="path"/> is <paramref name="root"/> or lies below it, comparing whole
    /// segments as written (no link is resolved): <c>/a/b</c> holds <c>/a/b/x</c> but not <c>/a/bc/x</c>. The one
    /// prefix rule; callers that guard access resolve both sides first (<see cref="TryResolve"/>).
    /// </summary>
    public static bool IsUnder(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        string trimmed = Path.TrimEndingDirectorySeparator(root);
        if (trimmed.Length == 0 || path.Length < trimmed.Length || !path.StartsWith(trimmed, StringComparison.Ordinal)) return false;
        // The root of the file system ("/") ends in a separator even when trimmed.
        return path.Length == trimmed.Length || Path.EndsInDirectorySeparator(trimmed) || path[trimmed.Length] == Path.DirectorySeparatorChar;
    }

    /// <summary>Resolves every symbolic link in an absolute path, component by component.</summary>
    private static string Resolve(string fullPath, string original)
    {
        string root = Path.GetPathRoot(fullPath) ?? "/";
        var pending = new Stack<string>(fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            string next = Path.Combine(current, part);
            // LinkTarget reads the link itself (lstat), so dangling links are followed too; null for non-links.
            string? target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new MediaException(MediaErrorKind.OutsideMediaRoot, original, "the path has too many symbolic links (a link cycle).");
            }
            // Continue with the link's target in place of this component; an absolute target restarts from '/'.
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) ?? root;
            foreach (string piece in target.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(piece);
        }
        return current;
    }
}
