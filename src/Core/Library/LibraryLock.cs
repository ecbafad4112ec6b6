using System.Diagnostics;
using System.Globalization;

namespace VideoSearch.Core.Library;

/// <summary>
/// The one-writer rule of a library: a process that writes the catalog or the vector index (<c>index</c>, <c>serve</c>
/// with media) holds an exclusive lock on <c>library.lock</c> in the library folder for as long as it runs. .NET
/// takes an advisory <c>flock</c> for <see cref="FileShare.None"/>, which the kernel releases when the process
/// ends, however it ends (a SIGKILL leaves no stale lock). Who holds it is written to <see cref="OwnerFileName"/>
/// beside it, since the locked file itself cannot be read by another process.
/// </summary>
public sealed class LibraryLock : IDisposable
{
    /// <summary>The lock file's name in the library folder.</summary>
    public const string FileName = "library.lock";

    /// <summary>The file naming the holder (PID, command, start time).</summary>
    public const string OwnerFileName = "library.lock.owner";

    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private LibraryLock(FileStream @lock, string ownerPath)
    {
        _lock = @lock;
        _ownerPath = ownerPath;
    }

    /// <summary>Takes the lock of the library in <paramref name="directory"/> (created when missing) for <paramref name="command"/>.</summary>
    /// <exception cref="LibraryInUseException">Another process holds it.</exception>
    public static LibraryLock Acquire(string directory, string command)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        string ownerPath = Path.Combine(directory, OwnerFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new LibraryInUseException(directory, WaitForOwner(ownerPath));
        }
        using var process = Process.GetCurrentProcess();
        string owner = string.Create(CultureInfo.InvariantCulture,
            $"PID {Environment.ProcessId} (videosearch {command}), started {process.StartTime.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z");
        // Written beside and renamed, so a reader never sees half a line.
        string temporary = ownerPath + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, $"{Environment.ProcessId}\n{owner}");
        File.Move(temporary, ownerPath, overwrite: true);
        return new LibraryLock(stream, ownerPath);
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
        }
        catch (IOException)
        {
            // A stale owner file is harmless: it is only read when the lock is held, and rewritten by each holder.
        }
        _lock.Dispose();
    }

    /// <summary>
    /// The holder as it recorded itself. The holder writes the file just after taking the lock, and a holder that was
    /// killed leaves its file behind, so the file is trusted only once it names a running process (briefly waited for).
    /// </summary>
    private static string? WaitForOwner(string ownerPath)
    {
        long deadline = Environment.TickCount64 + 2000;
        while (true)
        {
            if (ReadOwner(ownerPath) is { } owner && Directory.Exists($"/proc/{owner.Pid}")) return owner.Description;
            if (Environment.TickCount64 >= deadline) return null;
            Thread.Sleep(50);
        }
    }

    private static (int Pid, string Description)? ReadOwner(string ownerPath)
    {
        try
        {
            if (!File.Exists(ownerPath)) return null;
            string[] lines = File.ReadAllLines(ownerPath);
            return lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                ? (pid, lines[1].Trim())
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
