using VideoSearch.Core.Media;

namespace VideoSearch.Web.Library;

/// <summary>
/// The folders that hold indexed videos, named the way the <c>folder</c> filter reads them
/// (<see cref="Media.MediaFileResolver.TryResolveFolder"/>): relative, with <c>/</c> separators, every ancestor
/// listed too. With several media folders each name starts with its media folder's name, the segment that selects it.
/// </summary>
internal static class LibraryFolders
{
    /// <summary>The folders of <paramref name="videoPaths"/> under <paramref name="mediaRoots"/>, sorted ordinally; paths under no media folder are left out.</summary>
    public static IReadOnlyList<string> From(IEnumerable<string> videoPaths, IReadOnlyList<string> mediaRoots)
    {
        var roots = mediaRoots.Where(r => !string.IsNullOrEmpty(r))
            .Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).ToList();
        bool prefixRoot = roots.Count > 1;
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in videoPaths)
        {
            string? root = roots.FirstOrDefault(r => path != r && MediaPathGuard.IsUnder(path, r));
            if (root is null) continue;
            string[] segments = Path.GetRelativePath(root, path).Replace('\\', '/').Split('/');
            string prefix = prefixRoot ? Path.GetFileName(root) : "";
            if (prefix.Length > 0) folders.Add(prefix);
            // Every segment but the last (the file's name) is a folder.
            for (int i = 0; i < segments.Length - 1; i++)
            {
                prefix = prefix.Length == 0 ? segments[i] : prefix + "/" + segments[i];
                folders.Add(prefix);
            }
        }
        return folders.ToList();
    }
}
