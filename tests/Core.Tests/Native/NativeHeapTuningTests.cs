using VideoSearch.Core.Native;

namespace VideoSearch.Core.Tests.Native;

public sealed class NativeHeapTuningTests
{
    [Fact]
    public void Apply_OnGlibcLinux_AcceptsEveryThreshold()
    {
        // The supported Linux is glibc based (Debian): there mallopt must accept all three values, or the tuning does nothing.
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeapTuning.Apply());
    }
}
