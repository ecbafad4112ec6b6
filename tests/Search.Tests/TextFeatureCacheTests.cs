using VideoSearch.Search.Text;

namespace VideoSearch.Search.Tests;

public sealed class TextFeatureCacheTests
{
    private static EncodedQuery Encoded(float value) => new([value], 3, 3);

    [Fact]
    public void TryGet_SameQueryWithOtherCaseAndSpacing_Hits()
    {
        var cache = new TextFeatureCache(4);
        cache.Add("A dog  on the\tbeach ", Encoded(1));
        Assert.True(cache.TryGet("a dog on the beach", out var hit));
        Assert.Equal(1f, hit!.Features[0]);
        Assert.False(cache.TryGet("a dog on a beach", out _));
    }

    [Fact]
    public void Add_BeyondCapacity_EvictsLeastRecentlyUsed()
    {
        var cache = new TextFeatureCache(2);
        cache.Add("one", Encoded(1));
        cache.Add("two", Encoded(2));
        Assert.True(cache.TryGet("one", out _)); // "two" is now the least recently used
        cache.Add("three", Encoded(3));
        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("one", out _));
        Assert.False(cache.TryGet("two", out _));
        Assert.True(cache.TryGet("three", out _));
    }

    [Fact]
    public void Add_CapacityZero_StoresNothing()
    {
        var cache = new TextFeatureCache(0);
        cache.Add("one", Encoded(1));
        Assert.False(cache.TryGet("one", out _));
    }
}
