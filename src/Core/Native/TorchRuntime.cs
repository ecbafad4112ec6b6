using TorchSharp;

namespace VideoSearch.Core.Native;

/// <summary>Starts TorchSharp's native backend once and reports what it found.</summary>
public static class TorchRuntime
{
    private static readonly Lazy<string> s_version = new(Initialise);

    /// <summary>The libtorch version, after making sure the native backend is loaded.</summary>
    public static string LibTorchVersion => s_version.Value;

    /// <summary>Loads the native backend (idempotent); throws <see cref="TorchRuntimeException"/> with the loader's reason.</summary>
    public static void EnsureLoaded() => _ = s_version.Value;

    private static string Initialise()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            NativeHeapTuning.Apply();
            return torch.__version__;
        }
        catch (Exception e) when (e is NotSupportedException or TypeInitializationException or DllNotFoundException)
        {
            throw new TorchRuntimeException(
                "TorchSharp's native library could not be loaded. On Linux the build patches libLibTorchSharp.so for an older " +
                "libstdc++ (build/LibStdCxxCompat.targets); run the program from its build output. Loader said: " + Innermost(e).Message, e);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException != null) e = e.InnerException;
        return e;
    }
}
