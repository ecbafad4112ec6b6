using System.Diagnostics;

namespace VideoSearch.Core.Tests.Media;

/// <summary>
/// A named pipe with no writer: ffprobe/ffmpeg block forever opening it, which makes timeouts and cancellation
/// testable without timing races. Also finds processes whose command line mentions a path (via /proc).
/// </summary>
internal sealed class TempFifo : IDisposable
{
    public TempFifo()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"videosearch-fifo-{Guid.NewGuid():N}.mp4");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { Path } })!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {Path} failed");
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);

    /// <summary>Ids of live processes whose arguments contain <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), out int pid)) continue;
            try
            {
                string cmdline = File.ReadAllText(System.IO.Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(text, StringComparison.Ordinal) && !IsZombie(dir)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process: not ours.
            }
        }
        return found;
    }

    /// <summary>Ids of live direct children of this test process whose arguments contain <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> ChildProcessesMentioning(string text) =>
        ProcessesMentioning(text).Where(pid => ParentOf(pid) == Environment.ProcessId).ToList();

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so count from the last ')'.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] after = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(after[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsZombie(string dir) =>
        File.ReadAllText(System.IO.Path.Combine(dir, "stat")).Split(' ') is { Length: > 2 } fields && fields[2] == "Z";
}
