namespace VideoSearch.Bench.Indexers;

/// <summary>
/// CPU time from <c>/proc/PID/stat</c>, for what .NET's <see cref="System.Diagnostics.Process"/> cannot see: the
/// children a process has reaped (the indexers this benchmark ran, with their ffmpeg), and a PostgreSQL server's
/// backends and helpers. Written by hand because no library reads these fields; Linux only, like the benchmark.
/// </summary>
internal static class ProcessCpu
{
    // /proc reports in USER_HZ, which the kernel fixes at 100 for user space whatever its internal tick rate.
    private const double TicksPerSecond = 100;

    /// <summary>CPU of the processes this process has started and waited for, with their own reaped descendants.</summary>
    public static TimeSpan ReapedChildrenOfThisProcess() => Fields("self") is { } f ? Seconds(f.ChildUser + f.ChildSystem) : TimeSpan.Zero;

    /// <summary>
    /// CPU of <paramref name="pid"/>, the children it has reaped, and its live children (with theirs): for a
    /// PostgreSQL server, the postmaster, its exited backends and its running ones and helpers.
    /// </summary>
    public static TimeSpan OfTree(int pid)
    {
        if (Fields(pid.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } root) return TimeSpan.Zero;
        long ticks = root.Total;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out _) && Fields(Path.GetFileName(dir)) is { } child && child.Parent == pid)
                ticks += child.Total;
        return Seconds(ticks);
    }

    private static TimeSpan Seconds(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    private static StatFields? Fields(string pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // it ended while we looked
        }
        // "pid (comm) state ppid ... utime stime cutime cstime": comm may hold spaces and parentheses, so the fields
        // are counted after the last ')'; there ppid is the second, utime the 12th.
        string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new StatFields(int.Parse(rest[1]), long.Parse(rest[11]), long.Parse(rest[12]), long.Parse(rest[13]), long.Parse(rest[14]));
    }

    private sealed record StatFields(int Parent, long User, long System, long ChildUser, long ChildSystem)
    {
        public long Total => User + System + ChildUser + ChildSystem;
    }
}
