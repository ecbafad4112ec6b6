namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Orders samples into batches for one epoch. The contrastive loss takes the diagonal as the only right pairing, so
/// two samples with the same caption in one batch would each be taught that the other's caption is wrong: a batch
/// holds distinct captions. Samples are shuffled with the epoch's seed, then each goes into the first open batch
/// that lacks its caption, so the order depends on the seed alone. A batch may end up smaller than asked when few
/// captions remain; batches of one sample are dropped (a one-sample contrastive loss is zero).
/// </summary>
public static class CaptionBatcher
{
    /// <summary>Batches of indexes into <paramref name="samples"/>, each with distinct captions.</summary>
    public static IReadOnlyList<int[]> Batches(IReadOnlyList<TrainingSample> samples, int batchSize, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 2);
        int[] order = Enumerable.Range(0, samples.Count).ToArray();
        random.Shuffle(order);
        var open = new List<(List<int> Items, HashSet<string> Captions)>();
        var full = new List<int[]>();
        foreach (int index in order)
        {
            string caption = samples[index].Caption;
            int slot = open.FindIndex(b => !b.Captions.Contains(caption));
            if (slot < 0)
            {
                open.Add(([], new HashSet<string>(StringComparer.Ordinal)));
                slot = open.Count - 1;
            }
            open[slot].Items.Add(index);
            open[slot].Captions.Add(caption);
            if (open[slot].Items.Count == batchSize)
            {
                full.Add([.. open[slot].Items]);
                open.RemoveAt(slot);
            }
        }
        full.AddRange(open.Where(b => b.Items.Count > 1).Select(b => b.Items.ToArray()));
        return full;
    }
}
