namespace VideoSearch.Core.Vectors;

/// <summary>
/// Approximate nearest-neighbour index: a hierarchical navigable small world graph (Malkov and Yashunin) with the
/// heuristic neighbour selection, written here because no HNSW package is available for .NET on this platform.
/// Vectors are L2-normalised on insert and queries before searching; scores are inner products.
/// Concurrency: any number of searches run in parallel under a read lock; writes (add, remove, compact) are
/// serialised and take the write lock only while they change the graph. Removal leaves a tombstone that still
/// routes searches but is never returned; <see cref="Compact"/> rebuilds the graph without tombstones.
/// </summary>
public sealed class HnswVectorIndex : IVectorIndex, IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly object _writerGate = new();
    private readonly HnswOptions _options;
    private HnswGraph _graph;
    private Dictionary<long, int> _nodesById = [];
    private volatile int _efSearch;

    /// <summary>Creates an empty index for <paramref name="dimension"/>-dimensional vectors.</summary>
    public HnswVectorIndex(int dimension, HnswOptions? options = null)
        : this(new HnswGraph(dimension, options ?? new HnswOptions()))
    {
    }

    internal HnswVectorIndex(HnswGraph graph)
    {
        _graph = graph;
        _options = graph.Options;
        _efSearch = _options.EfSearch;
        for (int node = 0; node < graph.NodeCount; node++)
            if (!graph.IsDeleted(node)) _nodesById[graph.IdOf(node)] = node;
    }

    /// <inheritdoc />
    public int Dimension => _graph.Dimension;

    /// <inheritdoc />
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _nodesById.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>The parameters the index was built with.</summary>
    public HnswOptions Options => _options;

    /// <summary>Candidate list size used by <see cref="Search"/> (at least k); starts at <see cref="HnswOptions.EfSearch"/>.</summary>
    public int EfSearch
    {
        get => _efSearch;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _efSearch = value;
        }
    }

    /// <summary>Removed nodes still held in the graph until the next compaction.</summary>
    public int TombstoneCount => _graph.DeletedCount;

    /// <summary>Bytes held by the graph's arrays (vectors, links, ids), for sizing.</summary>
    public long AllocatedBytes => _graph.AllocatedBytes();

    /// <inheritdoc />
    public void Add(long id, ReadOnlySpan<float> vector)
    {
        float[] normalized = new float[Dimension];
        VectorMath.NormalizeInto(vector, normalized, Dimension);
        lock (_writerGate)
        {
            _lock.EnterWriteLock();
            try
            {
                if (_nodesById.TryGetValue(id, out int old)) _graph.MarkDeleted(old);
                int node = _graph.AllocateNode(id, normalized);
                _graph.Insert(node);
                _nodesById[id] = node;
            }
            finally { _lock.ExitWriteLock(); }
        }
    }

    /// <summary>
    /// Adds many vectors, linking them on <see cref="HnswOptions.BuildThreads"/> threads. Searches wait until it
    /// returns. Later duplicates of an id replace earlier ones, as with <see cref="Add"/>.
    /// </summary>
    public void AddRange(IEnumerable<(long Id, float[] Vector)> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_writerGate)
        {
            _lock.EnterWriteLock();
            try
            {
                int start = _graph.NodeCount;
                float[] normalized = new float[Dimension];
                foreach (var (id, vector) in items)
                {
                    VectorMath.NormalizeInto(vector, normalized, Dimension);
                    if (_nodesById.TryGetValue(id, out int old)) _graph.MarkDeleted(old);
                    _nodesById[id] = _graph.AllocateNode(id, normalized);
                }
                _graph.InsertRange(start, _graph.NodeCount, BuildThreads(), cancellationToken);
            }
            finally { _lock.ExitWriteLock(); }
        }
    }

    /// <inheritdoc />
    public bool Remove(long id)
    {
        lock (_writerGate)
        {
            _lock.EnterWriteLock();
            try
            {
                if (!_nodesById.Remove(id, out int node)) return false;
                _graph.MarkDeleted(node);
            }
            finally { _lock.ExitWriteLock(); }
            if (_options.AutoCompactFraction > 0 && _graph.DeletedCount > _options.AutoCompactFraction * _graph.NodeCount)
                CompactCore(CancellationToken.None);
            return true;
        }
    }

    /// <inheritdoc />
    public bool Contains(long id)
    {
        _lock.EnterReadLock();
        try { return _nodesById.ContainsKey(id); }
        finally { _lock.ExitReadLock(); }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<long> GetIds()
    {
        _lock.EnterReadLock();
        try { return [.. _nodesById.Keys]; }
        finally { _lock.ExitReadLock(); }
    }

    /// <inheritdoc />
    public bool TryGetVector(long id, Span<float> destination)
    {
        if (destination.Length != Dimension) throw new VectorDimensionMismatchException(Dimension, destination.Length);
        _lock.EnterReadLock();
        try
        {
            if (!_nodesById.TryGetValue(id, out int node)) return false;
            _graph.VectorOf(node).CopyTo(destination);
            return true;
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// Rebuilds the graph from the live vectors only, dropping tombstones. Searches keep running on the old graph
    /// while the new one is built and switch over when it is ready.
    /// </summary>
    public void Compact(CancellationToken cancellationToken = default)
    {
        lock (_writerGate) CompactCore(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The filter runs inside the search and must not call back into this index.</remarks>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int dimension = Dimension;
        // Room to start the query on a cache line, as the stored vectors do, so no 512-bit load of it straddles two.
        Span<float> buffer = dimension <= 4096 ? stackalloc float[dimension + 16] : new float[dimension + 16];
        var hits = new List<VectorHit>(Math.Min(k, 256));
        unsafe
        {
            fixed (float* start = buffer)
            {
                float* q = (float*)(((nint)start + 63) & ~(nint)63);
                VectorMath.NormalizeInto(query, new Span<float>(q, dimension), dimension);
                _lock.EnterReadLock();
                try { _graph.SearchKnn(q, k, _efSearch, filter, hits); }
                finally { _lock.ExitReadLock(); }
            }
        }
        return hits;
    }

    /// <inheritdoc />
    public void Save(string path)
    {
        _lock.EnterReadLock();
        try { HnswIndexFile.Write(path, _graph); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Loads an index saved by <see cref="Save"/>.</summary>
    /// <exception cref="VectorIndexCorruptException">The file is truncated, damaged or of another format/version.</exception>
    public static HnswVectorIndex Load(string path) => new(HnswIndexFile.Read(path));

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private int BuildThreads() => _options.BuildThreads > 0 ? _options.BuildThreads : Environment.ProcessorCount;

    /// <summary>Caller holds the writer gate, so the graph does not change while it is read without the lock.</summary>
    private void CompactCore(CancellationToken cancellationToken)
    {
        var old = _graph;
        var fresh = new HnswGraph(old.Dimension, _options);
        fresh.EnsureCapacity(old.NodeCount - old.DeletedCount);
        var byId = new Dictionary<long, int>(old.NodeCount - old.DeletedCount);
        for (int node = 0; node < old.NodeCount; node++)
        {
            if (old.IsDeleted(node)) continue;
            byId[old.IdOf(node)] = fresh.AllocateNode(old.IdOf(node), old.VectorOf(node));
        }
        fresh.InsertRange(0, fresh.NodeCount, BuildThreads(), cancellationToken);
        _lock.EnterWriteLock();
        try
        {
            _graph = fresh;
            _nodesById = byId;
        }
        finally { _lock.ExitWriteLock(); }
    }
}
