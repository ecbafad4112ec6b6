using System.Diagnostics;
using VideoSearch.Indexer.Embedding;

namespace VideoSearch.Bench.Indexing;

/// <summary>
/// The model stage alone: the vision tower embedding preprocessed clips in the indexer's batches, with no decoding
/// beside it. Pixel values are seeded noise: the cost of a forward pass does not depend on them.
/// </summary>
internal static class ModelAloneRate
{
    /// <summary>Clips per second over <paramref name="clips"/> clips in batches of <paramref name="batch"/> (after one warm-up batch).</summary>
    public static async Task<double> ClipsPerSecondAsync(ClipEncoder encoder, int clips, int batch, CancellationToken token)
    {
        var random = new Random(5);
        var pixels = new float[encoder.ClipLength];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)(random.NextDouble() * 4 - 2);
        float[][] one = Enumerable.Repeat(pixels, Math.Min(batch, clips)).ToArray();
        await encoder.EmbedAsync(one, token); // first-call allocations and kernel selection
        var clock = Stopwatch.StartNew();
        for (int done = 0; done < clips; done += batch)
            await encoder.EmbedAsync(Enumerable.Repeat(pixels, Math.Min(batch, clips - done)).ToArray(), token);
        return clips / clock.Elapsed.TotalSeconds;
    }
}
