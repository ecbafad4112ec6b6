using System.Runtime.InteropServices;

namespace VideoSearch.Web.Media;

/// <summary>
/// The canonical path of an existing file or folder: every symbolic link, <c>.</c> and <c>..</c> resolved by the OS.
/// Hand-written because .NET has no realpath: <see cref="FileSystemInfo.ResolveLinkTarget"/> follows the last
/// component only, not links in the folders above it, so libc's realpath(3) is called instead.
/// </summary>
internal static partial class RealPath
{
    /// <summary>The canonical path of <paramref name="path"/>, or null when it does not exist or cannot be resolved.</summary>
    internal static string? Resolve(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0')) return null;
        if (OperatingSystem.IsWindows())
        {
            // No realpath there: follow the final link and normalise; enough for a development machine.
            var info = new FileInfo(path);
            var target = info.Exists || Directory.Exists(path) ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            string full = Path.GetFullPath(target?.FullName ?? path);
            return File.Exists(full) || Directory.Exists(full) ? full : null;
        }
        nint resolved = realpath(path, 0);
        if (resolved == 0) return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint realpath(string path, nint resolvedPath);

    [LibraryImport("libc")]
    private static partial void free(nint pointer);
}
