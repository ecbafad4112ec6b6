using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;
using VideoSearch.Indexer.Vectors;

namespace VideoSearch.Indexer.Tests;

/// <summary>Makes a library's vector index lag its catalog, as a crash after a catalog commit would.</summary>
internal static class IndexTampering
{
    /// <summary>Removes the lowest clip id from the index file (keeping its id list in step) and returns it.</summary>
    public static async Task<long> DropFirstClipAsync(TestLibrary library)
    {
        var ids = new List<long>();
        using (var catalog = await VideoCatalog.OpenAsync(library.Database))
            await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync()) ids.Add(clip.ClipId);
        string path = Path.Combine(library.Database, LibraryVectorIndex.FileName);
        using (var index = HnswVectorIndex.Load(path))
        {
            Assert.True(index.Remove(ids[0]));
            index.Save(path);
        }
        IndexIdList.Write(Path.Combine(library.Database, LibraryVectorIndex.IdsFileName), path, ids.Skip(1).ToList());
        return ids[0];
    }
}
