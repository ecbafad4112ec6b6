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
            throw new LibraryInUseException(directory, ReadOwner(ownerPath));
        }
        using var process = Process.GetCurrentProcess();
        string owner = string.Create(CultureInfo.InvariantCulture,
            $"PID {Environment.ProcessId} (videosearch {command}), started {process.StartTime.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z");
        File.WriteAllText(ownerPath, owner);
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

    private static string? ReadOwner(string ownerPath)
    {
        try
        {
            return File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
