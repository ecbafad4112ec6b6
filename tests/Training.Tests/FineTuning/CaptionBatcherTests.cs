using VideoSearch.Training.FineTuning;

namespace VideoSearch.Training.Tests.FineTuning;

public sealed class CaptionBatcherTests
{
    private static TrainingSample[] Samples(params string[] captions) =>
        captions.Select((c, i) => new TrainingSample(i, c, i, [])).ToArray();

    [Fact]
    public void Batches_NeverRepeatACaptionInABatch_AndUseEverySampleOnceAtMost()
    {
        var captions = Enumerable.Range(0, 200).Select(i => $"caption {i % 7}").ToArray();
        var batches = CaptionBatcher.Batches(Samples(captions), 5, new Random(3));
        foreach (int[] batch in batches)
        {
            Assert.InRange(batch.Length, 2, 5);
            Assert.Equal(batch.Length, batch.Select(i => captions[i]).Distinct().Count());
        }
        var used = batches.SelectMany(b => b).ToArray();
        Assert.Equal(used.Length, used.Distinct().Count());
        // A sample is left out only as a batch of one at the end, and two such leftovers always share a caption
        // (the later one would have joined the earlier one's batch otherwise): all leftovers have one caption.
        var left = Enumerable.Range(0, captions.Length).Except(used).Select(i => captions[i]).Distinct().ToArray();
        Assert.True(left.Length <= 1, $"left out: {string.Join(", ", left)}");
        Assert.True(used.Length > captions.Length * 3 / 4, $"{used.Length} of {captions.Length} samples were batched");
    }

    [Fact]
    public void Batches_SameSeed_SameOrder_OtherSeed_OtherOrder()
    {
        var samples = Samples(Enumerable.Range(0, 64).Select(i => $"c{i % 16}").ToArray());
        var a = CaptionBatcher.Batches(samples, 8, new Random(1)).SelectMany(b => b).ToArray();
        var b = CaptionBatcher.Batches(samples, 8, new Random(1)).SelectMany(b => b).ToArray();
        var c = CaptionBatcher.Batches(samples, 8, new Random(2)).SelectMany(b => b).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Batches_OneCaption_GivesNoBatch()
    {
        // Every pair would share its caption, and a batch of one has no negatives.
        Assert.Empty(CaptionBatcher.Batches(Samples("same", "same", "same"), 4, new Random(1)));
    }
}
