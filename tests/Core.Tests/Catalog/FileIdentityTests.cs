using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class FileIdentityTests
{
    [Fact]
    public void ToUnixNs_Epoch_Zero() => Assert.Equal(0, FileIdentity.ToUnixNs(DateTimeOffset.UnixEpoch));

    [Fact]
    public void ToUnixNs_OrdinaryTime_ExactNanoseconds() =>
        Assert.Equal(1_700_000_000_123_456_700, FileIdentity.ToUnixNs(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123).AddTicks(4567)));

    [Fact]
    public void ToUnixNs_MaxValue_SaturatesToLongMax() => Assert.Equal(long.MaxValue, FileIdentity.ToUnixNs(DateTimeOffset.MaxValue));

    [Fact]
    public void ToUnixNs_MinValue_SaturatesToLongMin() => Assert.Equal(long.MinValue, FileIdentity.ToUnixNs(DateTimeOffset.MinValue));

    [Fact]
    public void ToUnixNs_DateTimeMaxValue_SaturatesToLongMax() =>
        Assert.Equal(long.MaxValue, FileIdentity.ToUnixNs(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)));

    [Fact]
    public void ToUnixNs_April12Of2262_SaturatesAboveEveryRealTime()
    {
        var limit = new DateTimeOffset(2262, 4, 12, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(long.MaxValue, FileIdentity.ToUnixNs(limit));
        Assert.True(FileIdentity.ToUnixNs(limit) > FileIdentity.ToUnixNs(DateTimeOffset.UtcNow));
    }

    [Fact]
    public void ToUnixNs_LastRepresentableTick_Exact()
    {
        // The last 100 ns tick whose nanosecond count fits a long: 2262-04-11T23:47:16.8547758Z.
        var last = DateTimeOffset.UnixEpoch.AddTicks(long.MaxValue / 100);

        Assert.Equal(long.MaxValue / 100 * 100, FileIdentity.ToUnixNs(last));
        Assert.Equal(long.MaxValue, FileIdentity.ToUnixNs(last.AddTicks(1)));
    }

    [Fact]
    public void ToUnixNs_Before1677_SaturatesToLongMin() =>
        Assert.Equal(long.MinValue, FileIdentity.ToUnixNs(new DateTimeOffset(1677, 9, 20, 0, 0, 0, TimeSpan.Zero)));
}
