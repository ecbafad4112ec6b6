using VideoSearch.Indexer.Pipeline;

namespace VideoSearch.Indexer.Tests.Pipeline;

public sealed class ThreadBudgetTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(16, 16, 1)]
    public void For_NoSettings_ModelGetsEveryCoreAndEachDecoderOne(int cores, int torch, int decode) =>
        Assert.Equal(new ThreadBudget(torch, decode), ThreadBudget.For(cores));

    [Fact]
    public void For_Settings_ReplaceTheRule() =>
        Assert.Equal(new ThreadBudget(3, 2), ThreadBudget.For(8, torchThreads: 3, decodeThreads: 2));

    [Fact]
    public void For_NoCores_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ThreadBudget.For(0));
}
