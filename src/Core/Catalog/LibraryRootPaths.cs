using System.Collections.Concurrent;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Where this machine has the library's roots. The catalog stores each video under its root (root id and the path
/// relative to it), plus its full path as seen where the root was first added; a machine that mounts a root
/// elsewhere (a shared catalog: <c>/mnt/media</c> on one box, <c>/data/media</c> on another) maps the root to its own
/// folder, and every path the catalog hands out is then this machine's. Roots not mapped keep their stored paths.
/// </summary>
public sealed class LibraryRootPaths
{
    private readonly ConcurrentDictionary<long, (string Stored, string Local)> _mapped = new();

    /// <summary>Records that the root stored at <paramref name="storedPath"/> is <paramref name="localPath"/> here.</summary>
    public void Map(RootId root, string storedPath, string localPath)
    {
        ArgumentNullException.ThrowIfNull(storedPath);
        ArgumentNullException.ThrowIfNull(localPath);
        string stored = Path.TrimEndingDirectorySeparator(storedPath), local = Path.TrimEndingDirectorySeparator(Path.GetFullPath(localPath));
        if (string.Equals(stored, local, StringComparison.Ordinal)) _mapped.TryRemove(root.Value, out _);
        else _mapped[root.Value] = (stored, local);
    }

    /// <summary>This machine's path of a video: its root's local folder joined with its relative path, or the stored path.</summary>
    public string Resolve(long rootId, string relativePath, string storedPath) =>
        _mapped.TryGetValue(rootId, out var root) ? Path.Join(root.Local, relativePath) : storedPath;

    /// <summary>This machine's path of a root stored at <paramref name="storedPath"/>.</summary>
    public string ResolveRoot(long rootId, string storedPath) =>
        _mapped.TryGetValue(rootId, out var root) ? root.Local : storedPath;

    /// <summary>
    /// The stored form of a path of this machine (a folder to filter by): a path under a mapped root's local folder
    /// becomes the same path under the root's stored folder; any other path is stored as it is.
    /// </summary>
    public string ToStored(string localPath)
    {
        ArgumentNullException.ThrowIfNull(localPath);
        foreach ((string stored, string local) in _mapped.Values)
        {
            if (string.Equals(localPath, local, StringComparison.Ordinal)) return stored;
            if (localPath.StartsWith(local + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return stored + localPath[local.Length..];
        }
        return localPath;
    }
}
