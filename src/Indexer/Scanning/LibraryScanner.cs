using VideoSearch.Core.Catalog;
using VideoSearch.Core.Media;

namespace VideoSearch.Indexer.Scanning;

/// <summary>
/// Walks a root folder for video files. Hidden names (starting with '.') are skipped, files are kept by extension
/// only, directory links are followed only when they resolve inside the root to a folder not visited yet (so link
/// loops end), and a file link that leads out of the root is reported as rejected instead of being read.
/// Hand-written: <see cref="Directory.EnumerateFiles(string)"/> with recursion neither detects link loops nor
/// checks where links lead.
/// </summary>
internal sealed class LibraryScanner(IReadOnlyCollection<string> extensions)
{
    private readonly HashSet<string> _extensions = new(
        extensions.Select(e => e.TrimStart('.')), StringComparer.OrdinalIgnoreCase);

    private static readonly EnumerationOptions s_oneLevel = new()
    {
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
        AttributesToSkip = 0,
    };

    /// <summary>Scans <paramref name="root"/> (which must exist) and returns its videos sorted by relative path.</summary>
    /// <exception cref="DirectoryNotFoundException">The root is not a folder.</exception>
    public ScanResult Scan(string root, CancellationToken cancellationToken = default)
    {
        string fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(fullRoot)) throw new DirectoryNotFoundException($"Media folder not found: {fullRoot}");
        var guard = new MediaPathGuard(fullRoot);
        var visited = new HashSet<string>(StringComparer.Ordinal) { guard.Root };
        var files = new List<ScannedFile>();
        var rejected = new List<RejectedFile>();
        var pending = new Stack<(string Path, string Relative)>();
        pending.Push((fullRoot, ""));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (string directory, string relative) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", s_oneLevel).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // a folder that vanished or cannot be listed holds nothing we can index
            }
            foreach (FileSystemInfo entry in entries)
            {
                if (entry.Name.StartsWith('.')) continue;
                string entryRelative = relative.Length == 0 ? entry.Name : Path.Join(relative, entry.Name);
                if (entry is DirectoryInfo subdirectory)
                {
                    if (FollowDirectory(guard, subdirectory, visited)) pending.Push((subdirectory.FullName, entryRelative));
                }
                else if (_extensions.Contains(Path.GetExtension(entry.Name).TrimStart('.')))
                {
                    AddFile(guard, fullRoot, (FileInfo)entry, entryRelative, files, rejected);
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        rejected.Sort((a, b) => string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath));
        return new ScanResult(fullRoot, files, rejected);
    }

    private static bool FollowDirectory(MediaPathGuard guard, DirectoryInfo directory, HashSet<string> visited)
    {
        string real;
        try
        {
            real = guard.EnsureInside(directory.FullName);
            if (!Directory.Exists(real)) return false;
        }
        catch (Exception e) when (e is MediaException or IOException or UnauthorizedAccessException)
        {
            return false; // leads out of the root, or dangling
        }
        // Folders are entered by their fully resolved path once: a link back to an ancestor (a loop) or to a
        // folder reached another way resolves to a visited path and is not entered again.
        return visited.Add(real);
    }

    private static void AddFile(MediaPathGuard guard, string root, FileInfo file, string relative,
        List<ScannedFile> files, List<RejectedFile> rejected)
    {
        if (file.LinkTarget is not null)
        {
            try
            {
                guard.EnsureInside(file.FullName);
            }
            catch (MediaException e)
            {
                var link = new ScannedFile(root, relative, file.FullName, 0, FileIdentity.ToUnixNs(file.LastWriteTimeUtc));
                rejected.Add(new RejectedFile(link, FailureKinds.Of(e.Reason), e.Message));
                return;
            }
        }
        var target = new FileInfo(file.FullName);
        if (!target.Exists) return; // a dangling link or a file deleted during the scan
        files.Add(new ScannedFile(root, relative, file.FullName, target.Length, FileIdentity.ToUnixNs(target.LastWriteTimeUtc)));
    }
}
