using TorchSharp;
using VideoSearch.Core.Native;

namespace VideoSearch.Core.Tests.Native;

public class TorchRuntimeTests
{
    [Fact]
    public void EnsureLoaded_NativeBackend_ComputesOnCpu()
    {
        TorchRuntime.EnsureLoaded();

        Assert.StartsWith("2.10", TorchRuntime.LibTorchVersion);
        using var a = torch.arange(6, dtype: torch.float32).reshape(2, 3);
        using var product = a.matmul(a.t());
        Assert.Equal(new[] { 5f, 14f, 14f, 50f }, product.data<float>().ToArray());
    }
}
