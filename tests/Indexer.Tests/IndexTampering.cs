using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;
using VideoSearch.Core.Library;

namespace VideoSearch.Indexer.Tests;

/// <summary>Makes a library's vector index disagree with its catalog, as a crash after a catalog commit or a damaged file would.</summary>
internal static class IndexTampering
{
    /// <summary>Removes the lowest clip id from the index file and returns it.</summary>
    public static async Task<long> DropFirstClipAsync(TestLibrary library)
    {
        var ids = await ClipIdsAsync(library);
        string path = Path.Combine(library.Database, LibraryVectorIndex.FileName);
        using var index = HnswVectorIndex.Load(path);
        Assert.True(index.Remove(ids[0]));
        index.Save(path);
        return ids[0];
    }

    /// <summary>Stores the second clip's vector under the first clip's id in the index file; returns that id.</summary>
    public static async Task<long> SwapFirstClipVectorAsync(TestLibrary library)
    {
        var ids = await ClipIdsAsync(library);
        string path = Path.Combine(library.Database, LibraryVectorIndex.FileName);
        using var index = HnswVectorIndex.Load(path);
        var other = new float[index.Dimension];
        Assert.True(index.TryGetVector(ids[1], other));
        index.Add(ids[0], other);
        index.Save(path);
        return ids[0];
    }

    private static async Task<List<long>> ClipIdsAsync(TestLibrary library)
    {
        var ids = new List<long>();
        using var catalog = await VideoCatalog.OpenAsync(library.Database);
        await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync()) ids.Add(clip.ClipId);
        return [.. ids.Order()];
    }
}
