using VideoSearch.Core.Inference;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Inference;

public sealed class XClipInferenceCacheTests
{
    private static readonly string Kit = Fixtures.Reference("xclip-tiny-clipvocab");

    [Fact]
    public async Task GetOrLoad_SameFolderFromManyThreads_LoadsOnceAndSharesIt()
    {
        int loads = 0;
        using var cache = new XClipInferenceCache((folder, id, precision) =>
        {
            Interlocked.Increment(ref loads);
            return XClipInference.Load(folder, id, precision: precision);
        });
        XClipInference[] got = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => cache.GetOrLoad(Kit, "kit"))));

        Assert.Equal(1, loads);
        Assert.All(got, g => Assert.Same(got[0], g));
        Assert.Same(got[0], cache.GetOrLoad(Path.Combine(Kit, ".", ""), "kit")); // the same folder spelt differently
    }

    [Fact]
    public void GetOrLoad_OtherPrecision_LoadsItsOwnCopyInThatPrecision()
    {
        using var cache = new XClipInferenceCache();

        XClipInference fp32 = cache.GetOrLoad(Kit, "kit");
        XClipInference bf16 = cache.GetOrLoad(Kit, "kit", XClipPrecision.Bf16);

        Assert.NotSame(fp32, bf16);
        Assert.Equal(XClipPrecision.Fp32, fp32.Precision);
        Assert.Equal(XClipPrecision.Bf16, bf16.Precision);
        Assert.Same(bf16, cache.GetOrLoad(Kit, "kit", XClipPrecision.Bf16));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void GetOrLoad_FailedLoad_IsRetriedOnTheNextRequest()
    {
        int loads = 0;
        using var cache = new XClipInferenceCache((folder, id, precision) =>
        {
            if (Interlocked.Increment(ref loads) == 1) throw new IOException("disk went away");
            return XClipInference.Load(folder, id, precision: precision);
        });

        Assert.Throws<IOException>(() => cache.GetOrLoad(Kit, "kit"));
        Assert.Equal(0, cache.Count);
        Assert.NotNull(cache.GetOrLoad(Kit, "kit"));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Dispose_DisposesLoadedModelsAndRefusesNewRequests()
    {
        var cache = new XClipInferenceCache();
        XClipInference model = cache.GetOrLoad(Kit, "kit");
        cache.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => model.EncodeTextsAsync([[49406, 49407]]));
        Assert.Throws<ObjectDisposedException>(() => cache.GetOrLoad(Kit, "kit"));
    }
}
