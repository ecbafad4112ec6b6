namespace VideoSearch.Bench;

/// <summary>Where the repository's fixtures are, and how busy the machine is, for benchmark headers.</summary>
internal static class BenchPaths
{
    /// <summary>The folder holding VideoSearch.sln, found upwards from the benchmark's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VideoSearch.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>The 1-minute load average (shared machines drift; benchmarks print it beside their figures).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
