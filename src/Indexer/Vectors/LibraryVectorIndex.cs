using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;

namespace VideoSearch.Indexer.Vectors;

/// <summary>
/// The library's HNSW index. The catalog is the source of truth: on open the saved index is reconciled with it
/// (clips missing from the index are added from their stored embeddings, ids the catalog no longer has are removed)
/// or, when the file is missing or damaged, rebuilt from it. So an index saved before a crash, or not saved at all,
/// never loses or duplicates a clip. The index file lists its own ids, so nothing beside it needs to be kept in step.
/// </summary>
internal sealed class LibraryVectorIndex : IDisposable
{
    /// <summary>The index file's name in the library folder.</summary>
    public const string FileName = "vectors.hnsw";

    /// <summary>
    /// The id list that older versions kept beside the index file; the index now lists its own ids, so a leftover
    /// one is deleted on open.
    /// </summary>
    public const string LegacyIdsFileName = "vectors.hnsw.ids";

    private readonly object _gate = new();
    private readonly string _path;
    private readonly HnswVectorIndex _index;
    private bool _dirty;
    private DateTime _lastSaveUtc = DateTime.UtcNow;

    private LibraryVectorIndex(string directory, HnswVectorIndex index)
    {
        _path = Path.Combine(directory, FileName);
        _index = index;
    }

    /// <summary>The index (for searches and checks).</summary>
    public IVectorIndex Index => _index;

    /// <summary>The clip ids the index holds.</summary>
    public int Count => _index.Count;

    /// <summary>Opens the index of the library in <paramref name="directory"/>, reconciled with <paramref name="catalog"/>.</summary>
    public static async Task<LibraryVectorIndex> OpenAsync(string directory, int dimension, VideoCatalog catalog,
        ILogger logger, CancellationToken cancellationToken)
    {
        DeleteLegacyIdList(directory, logger);
        HnswVectorIndex? index = TryLoad(Path.Combine(directory, FileName), dimension, logger);
        if (index is null)
        {
            var rebuilt = new HnswVectorIndex(dimension);
            var all = new List<(long, float[])>();
            await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync(cancellationToken).ConfigureAwait(false))
                all.Add((clip.ClipId, clip.Embedding));
            rebuilt.AddRange(all, cancellationToken);
            var fresh = new LibraryVectorIndex(directory, rebuilt) { _dirty = true };
            fresh.Save();
            logger.LogInformation("Rebuilt the vector index from the catalog: {ClipCount} clips", all.Count);
            return fresh;
        }
        var store = new LibraryVectorIndex(directory, index);
        await store.ReconcileAsync(catalog, logger, cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>Applies one video's change: drops <paramref name="removed"/>, adds <paramref name="added"/>.</summary>
    public void Apply(IReadOnlyList<long> removed, IReadOnlyList<(long Id, float[] Vector)> added)
    {
        lock (_gate)
        {
            foreach (long id in removed) _index.Remove(id);
            foreach ((long id, float[] vector) in added) _index.Add(id, vector);
            _dirty |= removed.Count > 0 || added.Count > 0;
        }
    }

    /// <summary>Saves when there are unsaved changes and <paramref name="interval"/> has passed since the last save.</summary>
    public void SaveIfDue(TimeSpan interval)
    {
        lock (_gate)
            if (_dirty && DateTime.UtcNow - _lastSaveUtc >= interval) Save();
    }

    /// <summary>Saves the index when there are unsaved changes.</summary>
    public void Save()
    {
        lock (_gate)
        {
            if (!_dirty) return;
            _index.Save(_path);
            _dirty = false;
            _lastSaveUtc = DateTime.UtcNow;
        }
    }

    /// <summary>Releases the index.</summary>
    public void Dispose() => _index.Dispose();

    private async Task ReconcileAsync(VideoCatalog catalog, ILogger logger, CancellationToken cancellationToken)
    {
        var inCatalog = new HashSet<long>();
        var missing = new List<(long, float[])>();
        await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync(cancellationToken).ConfigureAwait(false))
        {
            inCatalog.Add(clip.ClipId);
            if (!_index.Contains(clip.ClipId)) missing.Add((clip.ClipId, clip.Embedding));
        }
        var stale = _index.GetIds().Where(id => !inCatalog.Contains(id)).ToList();
        if (missing.Count == 0 && stale.Count == 0) return;
        Apply(stale, missing);
        Save();
        logger.LogInformation(
            "Reconciled the vector index with the catalog: {AddedCount} clips added, {RemovedCount} removed",
            missing.Count, stale.Count);
    }

    private static HnswVectorIndex? TryLoad(string path, int dimension, ILogger logger)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var index = HnswVectorIndex.Load(path);
            if (index.Dimension == dimension) return index;
            logger.LogWarning("{IndexPath} holds {FileDimension}-dimensional vectors, the model {Dimension}; rebuilding it",
                path, index.Dimension, dimension);
            index.Dispose();
        }
        catch (Exception e) when (e is VectorIndexCorruptException or IOException)
        {
            logger.LogWarning(e, "{IndexPath} is unusable; rebuilding it from the catalog", path);
        }
        return null;
    }

    private static void DeleteLegacyIdList(string directory, ILogger logger)
    {
        string path = Path.Combine(directory, LegacyIdsFileName);
        if (!File.Exists(path)) return;
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing reads the file any more, so one that cannot be deleted is only clutter.
            logger.LogWarning(e, "Could not delete the unused id list {IdListPath}", path);
        }
    }
}
