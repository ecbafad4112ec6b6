namespace VideoSearch.Cli.Tests.Support;

/// <summary>Reads <c>/proc</c> to find processes a stopped command may have left behind (ffmpeg, ffprobe).</summary>
internal static class ProcessTable
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

    /// <summary>The ids of the live children of <paramref name="parent"/> (from each process's <c>stat</c>).</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
            string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (rest.Length > 1 && rest[0] != "Z" && int.Parse(rest[1]) == parent) children.Add(pid);
        }
        return children;
    }
}
