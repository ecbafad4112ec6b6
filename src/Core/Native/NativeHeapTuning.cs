using System.Runtime.InteropServices;

namespace VideoSearch.Core.Native;

/// <summary>
/// Keeps glibc's allocator from handing libtorch's large tensor buffers back to the kernel after every operation.
/// By default glibc serves blocks above a few megabytes with fresh <c>mmap</c> pages and trims the heap top as soon
/// as it is freed, so each layer's activations page-fault in again, zero-filled, on every forward pass (measured: the
/// four-clip vision benchmark spent about twice the system time without this). Raising the mmap and trim thresholds
/// lets freed buffers be reused from the heap; peak memory is unchanged because the same buffers are reused.
/// This is the in-process equivalent of the <c>MALLOC_MMAP_THRESHOLD_</c>/<c>MALLOC_TRIM_THRESHOLD_</c> variables
/// PyTorch's CPU performance guide suggests; elsewhere than glibc it does nothing.
/// </summary>
internal static partial class NativeHeapTuning
{
    private const int M_TRIM_THRESHOLD = -1;
    private const int M_TOP_PAD = -2;
    private const int M_MMAP_THRESHOLD = -3;

    /// <summary>The largest mmap threshold glibc accepts on 64-bit systems (half its 64 MiB heap size).</summary>
    private const int MmapThresholdBytes = 32 << 20;
    private const int TrimThresholdBytes = 512 << 20;
    private const int TopPadBytes = 64 << 20;

    /// <summary>Applies the thresholds once; true when glibc accepted all of them.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(M_MMAP_THRESHOLD, MmapThresholdBytes) == 1
                & mallopt(M_TRIM_THRESHOLD, TrimThresholdBytes) == 1
                & mallopt(M_TOP_PAD, TopPadBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): its allocator has no such thresholds
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int param, int value);
}
