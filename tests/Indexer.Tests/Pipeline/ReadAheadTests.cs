using System.Runtime.CompilerServices;
using VideoSearch.Indexer.Pipeline;

namespace VideoSearch.Indexer.Tests.Pipeline;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task Of_SlowConsumer_SourceRunsAheadByCapacity()
    {
        int produced = 0;
        var seen = new List<int>();
        await foreach (int item in ReadAhead.Of(Count(10, () => produced++), capacity: 2))
        {
            if (item == 0)
            {
                // The consumer holds the first item; the producer fills the channel (2) and holds one more in hand.
                await WaitUntilAsync(() => Volatile.Read(ref produced) >= 4);
                await Task.Delay(100);
                Assert.Equal(4, Volatile.Read(ref produced));
            }
            seen.Add(item);
        }
        Assert.Equal(Enumerable.Range(0, 10), seen);
    }

    [Fact]
    public async Task Of_SourceFails_ItemsBeforeThenTheSameException()
    {
        var seen = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (int item in ReadAhead.Of(FailAfter(3), capacity: 2)) seen.Add(item);
        });
        Assert.Equal("broken after 3", error.Message);
        Assert.Equal([0, 1, 2], seen);
    }

    [Fact]
    public async Task Of_ConsumerLeavesEarly_SourceIsStoppedAndDisposed()
    {
        var disposed = new TaskCompletionSource();
        await foreach (int item in ReadAhead.Of(Endless(disposed), capacity: 2))
            if (item == 1) break;
        // Leaving the loop awaits the producer, which ends only once the source's enumerator is disposed.
        Assert.True(disposed.Task.IsCompleted);
    }

    private static async IAsyncEnumerable<int> Count(int n, Action onProduce)
    {
        for (int i = 0; i < n; i++)
        {
            await Task.Yield();
            onProduce();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> FailAfter(int n)
    {
        for (int i = 0; i < n; i++)
        {
            await Task.Yield();
            yield return i;
        }
        throw new InvalidDataException($"broken after {n}");
    }

    private static async IAsyncEnumerable<int> Endless(TaskCompletionSource disposed, [EnumeratorCancellation] CancellationToken token = default)
    {
        try
        {
            for (int i = 0; ; i++)
            {
                await Task.Delay(1, token);
                yield return i;
            }
        }
        finally
        {
            disposed.TrySetResult();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the producer did not run ahead");
    }
}
