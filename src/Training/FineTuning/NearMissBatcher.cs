namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Batches of captions that share words (<c>--batching near-miss</c>). In a random batch two captions seldom differ
/// by one word, so the loss rarely asks what that word adds: a model can rank "a red circle" above everything else
/// and never learn "moving left" from "moving right". Here each batch starts from the first unused sample of the
/// epoch's shuffled order and takes, for every other place, a sample of the distinct caption sharing the most words
/// with it (ties broken by the epoch's random order), so near misses face each other in every step. Captions stay
/// distinct within a batch, as <see cref="CaptionBatcher"/> explains; every sample is used at most once an epoch.
/// </summary>
public static class NearMissBatcher
{
    /// <summary>Batches of indexes into <paramref name="samples"/>, each with distinct captions.</summary>
    public static IReadOnlyList<int[]> Batches(IReadOnlyList<TrainingSample> samples, int batchSize, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 2);
        int[] order = Enumerable.Range(0, samples.Count).ToArray();
        random.Shuffle(order);
        // Per caption, its samples in shuffled order; captions in the order their first sample comes.
        var queues = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        foreach (int index in order)
        {
            string caption = samples[index].Caption;
            if (!queues.TryGetValue(caption, out var queue)) queues[caption] = queue = new Queue<int>();
            queue.Enqueue(index);
        }
        var words = queues.Keys.ToDictionary(c => c, c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var tieBreak = queues.Keys.ToDictionary(c => c, _ => random.Next(), StringComparer.Ordinal);
        var batches = new List<int[]>();
        foreach (int anchor in order)
        {
            string caption = samples[anchor].Caption;
            if (queues[caption].Count == 0 || queues[caption].Peek() != anchor) continue; // used already
            var chosen = queues.Keys
                .Where(c => c != caption && queues[c].Count > 0)
                .OrderByDescending(c => words[c].Count(words[caption].Contains))
                .ThenBy(c => tieBreak[c])
                .Take(batchSize - 1)
                .Prepend(caption)
                .ToArray();
            if (chosen.Length < 2) break;
            batches.Add(chosen.Select(c => queues[c].Dequeue()).ToArray());
        }
        return batches;
    }
}
