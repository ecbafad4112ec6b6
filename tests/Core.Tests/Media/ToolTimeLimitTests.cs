using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class ToolTimeLimitTests
{
    [Fact]
    public async Task Token_Running_FiresAfterTheLimit()
    {
        using var limit = new ToolTimeLimit(TimeSpan.FromMilliseconds(100));

        await Task.Delay(TimeSpan.FromSeconds(10), limit.Token).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.True(limit.Expired);
    }

    [Fact]
    public async Task Pause_HeldLongerThanTheLimit_DoesNotFireUntilResumedTimeRunsOut()
    {
        using var limit = new ToolTimeLimit(TimeSpan.FromMilliseconds(300));

        limit.Pause();
        await Task.Delay(600);
        Assert.False(limit.Expired);
        limit.Resume();
        // Well under the 300 ms left (a scheduling margin on loaded machines), then well past it.
        await Task.Delay(50);
        Assert.False(limit.Expired);
        await Task.Delay(TimeSpan.FromSeconds(10), limit.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(limit.Expired);
    }

    [Fact]
    public void Resume_AfterTheTimeRanOutWhileRunning_FiresAtOnce()
    {
        using var limit = new ToolTimeLimit(TimeSpan.FromMilliseconds(1));
        Thread.Sleep(20);
        limit.Pause();
        limit.Resume();

        Assert.True(limit.Expired);
    }
}
