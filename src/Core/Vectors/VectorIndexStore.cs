using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VideoSearch.Core.Vectors;

/// <summary>
/// Opens the saved HNSW index, or rebuilds it from the source of truth (the catalog's embeddings) when the file is
/// missing, damaged or of another version, then saves the rebuilt one. Generic over the source so this layer knows
/// nothing of the catalog.
/// </summary>
public static class VectorIndexStore
{
    /// <summary>
    /// Loads <paramref name="path"/>; on a missing or corrupt file (or one of another dimension) builds a new index
    /// from <paramref name="source"/> with <paramref name="options"/> and saves it to <paramref name="path"/>.
    /// </summary>
    public static HnswVectorIndex LoadOrRebuild(string path, int dimension,
        Func<IEnumerable<(long Id, float[] Vector)>> source, HnswOptions? options = null, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        logger ??= NullLogger.Instance;
        if (File.Exists(path))
        {
            try
            {
                var loaded = HnswVectorIndex.Load(path);
                if (loaded.Dimension == dimension) return loaded;
                logger.LogWarning("Vector index {IndexPath} holds {FileDimension}-dimensional vectors, not {Dimension}; rebuilding",
                    path, loaded.Dimension, dimension);
                loaded.Dispose();
            }
            catch (VectorIndexCorruptException e)
            {
                logger.LogWarning(e, "Vector index {IndexPath} is unusable; rebuilding it from the catalog", path);
            }
        }
        var index = new HnswVectorIndex(dimension, options);
        index.AddRange(source(), cancellationToken);
        index.Save(path);
        logger.LogInformation("Rebuilt vector index {IndexPath} with {VectorCount} vectors", path, index.Count);
        return index;
    }
}
