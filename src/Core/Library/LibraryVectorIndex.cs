using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Library;

/// <summary>
/// The library's one live HNSW index, shared by every part of a process: the indexer applies each committed video to
/// it and search reads the same instance, so a committed clip is searchable at once, with no file reload and no
/// rebuild. The catalog is the source of truth: on open the saved file (<see cref="FileName"/>) is reconciled with
/// it (clips missing from the file are added from their stored embeddings, ids the catalog no longer has are
/// removed) or, when the file is missing, damaged or of another dimension, rebuilt from it. So an index saved before
/// a crash, or not saved at all, never loses or duplicates a clip. Only a process that holds the library's
/// <see cref="LibraryLock"/> saves the file, or, with a shared catalog, the node that owns this machine's copy.
/// <para>
/// It also remembers how far along the catalog's change sequence it is (its watermark, see
/// <see cref="CatchUpAsync"/>): with a shared catalog, which other processes write, a node follows the sequence to
/// take in their clips, and a saved index records its watermark beside it (<see cref="WatermarkFileName"/>), so the
/// next open reads only the changes since instead of every embedding.
/// </para>
/// </summary>
public sealed partial class LibraryVectorIndex : IVectorIndexSource, IDisposable
{
    /// <summary>The index file's name in the library folder.</summary>
    public const string FileName = "vectors.hnsw";

    /// <summary>
    /// The id list that older versions kept beside the index file; the index now lists its own ids, so a leftover
    /// one is deleted on open.
    /// </summary>
    public const string LegacyIdsFileName = "vectors.hnsw.ids";

    private readonly VideoCatalog _catalog;
    private readonly ILogger<LibraryVectorIndex> _logger;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly object _gate = new();
    private readonly string _path;
    private readonly int _efSearch;
    private HnswVectorIndex? _index;
    private bool _dirty;
    private DateTime _lastSaveUtc = DateTime.UtcNow;

    /// <summary>The index of <paramref name="catalog"/>'s library; nothing is read until it is opened.</summary>
    public LibraryVectorIndex(VideoCatalog catalog, ILogger<LibraryVectorIndex> logger, IOptions<VectorSearchOptions>? options = null)
    {
        _efSearch = options?.Value.EfSearch ?? new VectorSearchOptions().EfSearch;
        _catalog = catalog;
        _logger = logger;
        _path = Path.Combine(catalog.LibraryDirectory, FileName);
        _watermarkPath = Path.Combine(catalog.LibraryDirectory, WatermarkFileName);
    }

    /// <summary>Whether this process may save the index file (it holds the library lock, or owns a shared catalog's local copy).</summary>
    public bool Writable { get; set; }

    /// <summary>The index once opened, else null.</summary>
    public IVectorIndex? Current => Volatile.Read(ref _index);

    /// <summary>The clip ids the index holds (0 before it is opened).</summary>
    public int Count => Current?.Count ?? 0;

    /// <summary>
    /// The index, opened on the first call with the dimension the catalog records; null while the library has no
    /// model (nothing indexed yet).
    /// </summary>
    public async Task<IVectorIndex?> GetAsync(CancellationToken cancellationToken)
    {
        if (Current is { } index) return index;
        ModelState? model = await _catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? null : await OpenAsync(model.EmbeddingDim, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IVectorIndex?> GetIndexAsync(CancellationToken cancellationToken) => GetAsync(cancellationToken);

    /// <summary>
    /// Opens the index for vectors of <paramref name="dimension"/>: the open one when it has that dimension, else the
    /// saved file reconciled with the catalog, else one rebuilt from the catalog. Reconciling again after a model
    /// switch drops the old model's vectors. With a shared catalog the saved file is used only when its watermark
    /// names this catalog; the changes since are then read instead of every embedding, and an index already open is
    /// only caught up (it has followed the sequence since it was opened).
    /// </summary>
    public async Task<IVectorIndex> OpenAsync(int dimension, CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Follows && _index is { } followed && followed.Dimension == dimension)
            {
                if (await CatchUpOpenAsync(followed, cancellationToken).ConfigureAwait(false) > 0) Save();
                return followed;
            }
            // Read before the catalog is: every change up to it is then in what the open reads, later ones are replayed.
            long latest = await _catalog.Changes.LatestAsync(cancellationToken).ConfigureAwait(false);
            (HnswVectorIndex index, long watermark, bool changed) = Follows
                ? await OpenFollowingAsync(dimension, latest, cancellationToken).ConfigureAwait(false)
                : await OpenReconciledAsync(dimension, latest, cancellationToken).ConfigureAwait(false);
            HnswVectorIndex? previous;
            lock (_gate)
            {
                previous = Interlocked.Exchange(ref _index, index);
                _watermark = watermark;
            }
            if (previous is not null && !ReferenceEquals(previous, index)) previous.Dispose();
            if (changed) Save();
            return index;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Applies one committed video's change: drops <paramref name="removed"/>, adds <paramref name="added"/>.</summary>
    /// <exception cref="InvalidOperationException">The index has not been opened.</exception>
    public void Apply(IReadOnlyList<long> removed, IReadOnlyList<(long Id, float[] Vector)> added)
    {
        HnswVectorIndex index = _index ?? throw new InvalidOperationException("The vector index is not open.");
        lock (_gate)
        {
            foreach (long id in removed) index.Remove(id);
            foreach ((long id, float[] vector) in added) index.Add(id, vector);
            _dirty |= removed.Count > 0 || added.Count > 0;
        }
    }

    /// <summary>Saves when there are unsaved changes and <paramref name="interval"/> has passed since the last save.</summary>
    public void SaveIfDue(TimeSpan interval)
    {
        lock (_gate)
            if (_dirty && DateTime.UtcNow - _lastSaveUtc >= interval) Save();
    }

    /// <summary>
    /// Saves the index when there are unsaved changes and this process may write the library; with a shared catalog
    /// the watermark it holds is recorded beside it after.
    /// </summary>
    public void Save()
    {
        lock (_gate)
        {
            if (!_dirty || !Writable || _index is null) return;
            // A watermark left from a time this folder followed a shared catalog does not describe this file.
            if (!Follows) DiscardWatermark();
            long watermark = _watermark;
            _index.Save(_path);
            if (Follows) RecordWatermark(watermark);
            _dirty = false;
            _lastSaveUtc = DateTime.UtcNow;
        }
    }

    /// <summary>Saves unsaved changes (when writable) and releases the index.</summary>
    public void Dispose()
    {
        try
        {
            Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The catalog still holds every clip: the next open rebuilds what this save would have written.
            _logger.LogWarning("Could not save the vector index {IndexPath}: {Reason}", _path, e.Message);
        }
        finally
        {
            _index?.Dispose();
            _opening.Dispose();
        }
    }

    /// <summary>
    /// The embedded catalog's open, as it always was: the open index or the saved file (else a new one) reconciled
    /// with every embedding in the catalog.
    /// </summary>
    private async Task<(HnswVectorIndex, long, bool)> OpenReconciledAsync(int dimension, long latest, CancellationToken cancellationToken)
    {
        HnswVectorIndex index = _index is { } open && open.Dimension == dimension
            ? open
            : TryLoad(dimension) ?? new HnswVectorIndex(dimension);
        index.EfSearch = _efSearch;
        try
        {
            bool changed = await ReconcileAsync(index, cancellationToken).ConfigureAwait(false);
            return (index, latest, changed);
        }
        catch
        {
            if (!ReferenceEquals(index, _index)) index.Dispose();
            throw;
        }
    }

    private async Task<bool> ReconcileAsync(HnswVectorIndex index, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fullReconciles);
        var inCatalog = new HashSet<long>();
        var missing = new List<(long, float[])>();
        await foreach (ClipEmbedding clip in _catalog.Clips.StreamEmbeddingsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (clip.Embedding.Length != index.Dimension) continue;
            inCatalog.Add(clip.ClipId);
            if (!index.Contains(clip.ClipId)) missing.Add((clip.ClipId, clip.Embedding));
        }
        var stale = index.GetIds().Where(id => !inCatalog.Contains(id)).ToList();
        if (missing.Count == 0 && stale.Count == 0) return false;
        lock (_gate)
        {
            foreach (long id in stale) index.Remove(id);
            index.AddRange(missing, cancellationToken);
            _dirty = true;
        }
        _logger.LogInformation(
            "Brought the vector index in step with the catalog: {AddedCount} clips added, {RemovedCount} removed",
            missing.Count, stale.Count);
        return true;
    }

    private HnswVectorIndex? TryLoad(int dimension)
    {
        DeleteLegacyIdList();
        if (!File.Exists(_path)) return null;
        try
        {
            var index = HnswVectorIndex.Load(_path);
            if (index.Dimension == dimension) return index;
            _logger.LogWarning("{IndexPath} holds {FileDimension}-dimensional vectors, the model {Dimension}; rebuilding it",
                _path, index.Dimension, dimension);
            index.Dispose();
        }
        catch (Exception e) when (e is VectorIndexCorruptException or IOException)
        {
            _logger.LogWarning("{IndexPath} is unusable ({Reason}); rebuilding it from the catalog", _path, e.Message);
        }
        return null;
    }

    private void DeleteLegacyIdList()
    {
        if (!Writable) return;
        string path = Path.Combine(Path.GetDirectoryName(_path)!, LegacyIdsFileName);
        if (!File.Exists(path)) return;
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing reads the file any more, so one that cannot be deleted is only clutter.
            _logger.LogWarning("Could not delete the unused id list {IdListPath}: {Reason}", path, e.Message);
        }
    }
}
