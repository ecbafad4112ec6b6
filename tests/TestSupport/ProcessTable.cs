namespace VideoSearch.TestSupport;

/// <summary>Reads <c>/proc</c> to find processes a stopped command may have left behind (ffmpeg, ffprobe).</summary>
public static class ProcessTable
{
    /// <summary>
    /// Every live process whose command line mentions <paramref name="marker"/> (a test's unique temporary folder),
    /// as "pid: command line". An orphaned ffmpeg is re-parented to init, so its parent id no longer leads back to the
    /// stopped command; the media path on its command line still does.
    /// </summary>
    public static IReadOnlyList<string> Mentioning(string marker)
    {
        var found = new List<string>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // it ended while we looked
            }
            // A zombie has an empty command line: it has exited and only waits to be collected.
            if (commandLine.Contains(marker, StringComparison.Ordinal)) found.Add($"{pid}: {commandLine}");
        }
        return found;
    }

    /// <summary>The live children of <paramref name="parent"/> (from each process's <c>stat</c>), as "pid: command line".</summary>
    public static IReadOnlyList<string> ChildrenOf(int parent)
    {
        var children = new List<string>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
                string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (rest[0] != "Z" && int.Parse(rest[1]) == parent)
                    children.Add($"{pid}: {File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim()}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // it ended while we looked
            }
        }
        return children;
    }

    /// <summary>Those of <paramref name="snapshot"/> (from <see cref="ChildrenOf"/>) still running the same command.</summary>
    public static IReadOnlyList<string> StillRunning(IEnumerable<string> snapshot) =>
        snapshot.Where(entry =>
        {
            string pid = entry[..entry.IndexOf(':')];
            try
            {
                string now = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
                return entry == $"{pid}: {now}";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }).ToList();
}
