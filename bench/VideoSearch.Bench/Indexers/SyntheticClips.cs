using VideoSearch.Core.Catalog;

namespace VideoSearch.Bench.Indexers;

/// <summary>
/// One video's worth of fixed, seeded clips in a model's shapes, stored again for every video of a catalog-only run:
/// the database neither knows nor cares that the values repeat, and generating them anew would be measured too.
/// </summary>
internal sealed class SyntheticClips
{
    private const int ThumbnailBytes = 6 * 1024;

    public SyntheticClips(ModelState model, int clipsPerVideo)
    {
        Model = model;
        var random = new Random(17);
        Clips = Enumerable.Range(0, clipsPerVideo).Select(i => new NewClip(i, i * 2.0, i * 2.0 + 4.0,
            [i * 2.0 + 0.5, i * 2.0 + 1.5, i * 2.0 + 2.5, i * 2.0 + 3.5],
            Values(random, model.EmbeddingDim, 0.05f), Values(random, model.ContextLength, 1f), Thumbnail(random))).ToList();
    }

    /// <summary>The model whose shapes the clips have (the catalog checks them against the one it records).</summary>
    public ModelState Model { get; }

    public IReadOnlyList<NewClip> Clips { get; }

    /// <summary>Random bytes behind a JPEG start marker, the size of the indexer's thumbnails of small videos.</summary>
    private static byte[] Thumbnail(Random random)
    {
        var bytes = new byte[ThumbnailBytes];
        random.NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF;
        return bytes;
    }

    private static float[] Values(Random random, int count, float scale) =>
        Enumerable.Range(0, count).Select(_ => scale * (random.NextSingle() * 2 - 1)).ToArray();
}
