using VideoSearch.Training.FineTuning;

namespace VideoSearch.Training.Tests.FineTuning;

public sealed class NearMissBatcherTests
{
    private static readonly string[] Colours = ["red", "green", "blue"], Shapes = ["circle", "square"], Motions = ["moving left", "moving right", "growing"];

    private static TrainingSample[] Samples(int copies) =>
        (from c in Colours from s in Shapes from m in Motions select $"a {c} {s} {m}")
        .SelectMany(caption => Enumerable.Repeat(caption, copies))
        .Select((caption, i) => new TrainingSample(i, caption, i, []))
        .ToArray();

    private static int Shared(string a, string b) => a.Split(' ').Intersect(b.Split(' ')).Count();

    [Fact]
    public void Batches_FillEachBatchWithTheCaptionsClosestToItsFirst()
    {
        var samples = Samples(4);
        var batches = NearMissBatcher.Batches(samples, 4, new Random(7));
        foreach (int[] batch in batches)
        {
            string anchor = samples[batch[0]].Caption;
            Assert.Equal(batch.Length, batch.Select(i => samples[i].Caption).Distinct().Count());
            // The first batch sees every caption: its others are the three sharing the most words with its anchor.
            if (batch == batches[0])
            {
                int worstChosen = batch.Skip(1).Min(i => Shared(anchor, samples[i].Caption));
                int bestLeft = samples.Select(s => s.Caption).Distinct().Where(c => !batch.Select(i => samples[i].Caption).Contains(c)).Max(c => Shared(anchor, c));
                Assert.True(worstChosen >= bestLeft, $"chose a caption sharing {worstChosen} words while one sharing {bestLeft} was left");
            }
        }
        var used = batches.SelectMany(b => b).ToArray();
        Assert.Equal(used.Length, used.Distinct().Count());
        Assert.True(used.Length >= samples.Length * 3 / 4, $"{used.Length} of {samples.Length} samples were batched");
    }

    [Fact]
    public void Batches_SameSeed_SameBatches()
    {
        var samples = Samples(3);
        Assert.Equal(NearMissBatcher.Batches(samples, 5, new Random(2)).SelectMany(b => b), NearMissBatcher.Batches(samples, 5, new Random(2)).SelectMany(b => b));
        Assert.NotEqual(NearMissBatcher.Batches(samples, 5, new Random(2)).SelectMany(b => b), NearMissBatcher.Batches(samples, 5, new Random(3)).SelectMany(b => b));
    }
}
