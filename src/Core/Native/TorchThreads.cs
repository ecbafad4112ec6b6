using TorchSharp;

namespace VideoSearch.Core.Native;

/// <summary>libtorch's intra-op thread count, process-wide (the indexer sets it from its thread budget).</summary>
public static class TorchThreads
{
    /// <summary>The threads libtorch splits one operation over.</summary>
    public static int Current
    {
        get
        {
            TorchRuntime.EnsureLoaded();
            return torch.get_num_threads();
        }
    }

    /// <summary>Sets the intra-op threads to <paramref name="threads"/> when they differ (resizing the pool is not free).</summary>
    public static void Use(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        TorchRuntime.EnsureLoaded();
        if (torch.get_num_threads() != threads) torch.set_num_threads(threads);
    }
}
