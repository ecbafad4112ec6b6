using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;
using VideoSearch.Search.Catalog;

namespace VideoSearch.Search.Library;

/// <summary>
/// An indexed library opened for searching: <c>&lt;dir&gt;/catalog.db</c> (the source of truth) and
/// <c>&lt;dir&gt;/vectors.hnsw</c> (the vector index the indexer saves). A missing, damaged or stale index file is
/// rebuilt in memory from the catalog's embeddings and left alone on disk (the indexer owns it).
/// </summary>
public sealed class SearchLibrary : IDisposable
{
    /// <summary>File name of the vector index inside the library folder.</summary>
    public const string IndexFileName = "vectors.hnsw";

    private SearchLibrary(string directory, VideoCatalog catalog, ModelState model, HnswVectorIndex index, long clipCount)
    {
        Directory = directory;
        Catalog = catalog;
        Model = model;
        Index = index;
        ClipCount = clipCount;
        Reader = new SqliteSearchCatalog(catalog, model);
    }

    /// <summary>The library folder.</summary>
    public string Directory { get; }

    /// <summary>The opened catalog.</summary>
    public VideoCatalog Catalog { get; }

    /// <summary>The model the library was indexed with.</summary>
    public ModelState Model { get; }

    /// <summary>The vector index over the clip embeddings.</summary>
    public HnswVectorIndex Index { get; }

    /// <summary>Search's reads of the catalog.</summary>
    public ISearchCatalog Reader { get; }

    /// <summary>Clips in the catalog when it was opened.</summary>
    public long ClipCount { get; }

    /// <summary>
    /// Opens the library in <paramref name="directory"/>; <paramref name="notice"/> is told when the vector index
    /// had to be rebuilt and why.
    /// </summary>
    /// <exception cref="LibraryNotFoundException">No catalog there, or it holds no clips.</exception>
    /// <exception cref="CatalogException">The catalog file cannot be used.</exception>
    public static async Task<SearchLibrary> OpenAsync(string directory, int efSearch, Action<string>? notice,
        CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(directory);
        string catalogPath = Path.Combine(full, CatalogDatabase.FileName);
        // Checked first because opening a catalog creates a missing one.
        if (!File.Exists(catalogPath))
            throw new LibraryNotFoundException(full, $"No library at '{full}' (no {CatalogDatabase.FileName}): run 'videosearch index' first or pass --db.");
        var catalog = await VideoCatalog.OpenAsync(full, cancellationToken).ConfigureAwait(false);
        try
        {
            ModelState? model = await catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false);
            long clips = await catalog.Clips.CountAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || clips == 0)
                throw new LibraryNotFoundException(full, $"The library at '{full}' is empty (no indexed clips yet): run 'videosearch index' first.");
            HnswVectorIndex index = await LoadIndexAsync(Path.Combine(full, IndexFileName), catalog, model, clips, notice,
                cancellationToken).ConfigureAwait(false);
            index.EfSearch = efSearch;
            return new SearchLibrary(full, catalog, model, index, clips);
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    private static async Task<HnswVectorIndex> LoadIndexAsync(string path, VideoCatalog catalog, ModelState model, long clips,
        Action<string>? notice, CancellationToken cancellationToken)
    {
        string? reason = null;
        if (!File.Exists(path)) reason = "it is missing";
        else
        {
            try
            {
                var loaded = HnswVectorIndex.Load(path);
                if (loaded.Dimension == model.EmbeddingDim && loaded.Count == clips) return loaded;
                reason = loaded.Dimension != model.EmbeddingDim
                    ? $"it holds {loaded.Dimension}-dimensional vectors, the model {model.EmbeddingDim}"
                    : $"it is stale ({loaded.Count} vectors, the catalog {clips} clips)";
                loaded.Dispose();
            }
            catch (VectorIndexCorruptException e)
            {
                reason = $"it is unreadable ({e.Message})";
            }
        }
        notice?.Invoke($"Vector index '{path}' not used because {reason}; rebuilding it in memory from {clips} clips in the catalog.");
        var index = new HnswVectorIndex(model.EmbeddingDim);
        var embeddings = catalog.Clips.StreamEmbeddingsAsync(cancellationToken).ToBlockingEnumerable(cancellationToken)
            .Select(e => (e.ClipId, e.Embedding));
        await Task.Run(() => index.AddRange(embeddings, cancellationToken), cancellationToken).ConfigureAwait(false);
        return index;
    }

    /// <summary>Releases the catalog and the index.</summary>
    public void Dispose()
    {
        Index.Dispose();
        Catalog.Dispose();
    }
}
