using System.ComponentModel;
using System.Runtime.InteropServices;

namespace VideoSearch.TestSupport;

/// <summary>Sends real signals to a process, as systemd, a container runtime or <c>kill</c> would.</summary>
public static partial class Posix
{
    // Linux signal numbers (they differ on other systems; these tests run the Linux build).
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process has already gone.</summary>
    public static bool Signal(int pid, int signal)
    {
        if (kill(pid, signal) == 0) return true;
        int error = Marshal.GetLastPInvokeError();
        const int NoSuchProcess = 3; // ESRCH
        if (error == NoSuchProcess) return false;
        throw new Win32Exception(error, $"kill({pid}, {signal}) failed");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
