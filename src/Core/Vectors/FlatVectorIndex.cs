namespace VideoSearch.Core.Vectors;

/// <summary>
/// Exact nearest-neighbour index: scores the query against every stored vector (SIMD inner products) and keeps the
/// top k in a small heap. Right for small libraries and as the ground truth when measuring the HNSW index's recall.
/// Vectors are L2-normalised on insert, queries before searching. Searches share a read lock; writes take the
/// write lock. Removal moves the last vector into the freed slot, so storage stays dense.
/// </summary>
public sealed class FlatVectorIndex : IVectorIndex, IDisposable
{
    internal const string Magic = "VSFLAT";
    internal const ushort Version = 1;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<long, int> _slotsById = [];
    private readonly bool _parallel;
    private float[] _vectors;
    private long[] _ids;
    private int _count;

    /// <summary>
    /// Creates an empty index; <paramref name="parallel"/> splits each search across cores, and
    /// <paramref name="capacity"/> reserves room for that many vectors.
    /// </summary>
    public FlatVectorIndex(int dimension, bool parallel = false, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Dimension = dimension;
        _parallel = parallel;
        _vectors = new float[(long)capacity * dimension];
        _ids = new long[capacity];
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <inheritdoc />
    public void Add(long id, ReadOnlySpan<float> vector)
    {
        Span<float> normalized = Dimension <= 4096 ? stackalloc float[Dimension] : new float[Dimension];
        VectorMath.NormalizeInto(vector, normalized, Dimension);
        _lock.EnterWriteLock();
        try
        {
            if (!_slotsById.TryGetValue(id, out int slot))
            {
                slot = _count;
                if (slot == _ids.Length)
                {
                    // One array holds every vector, so the index stops at the largest .NET array.
                    int capacity = (int)Math.Min((long)slot * 2, Array.MaxLength / Dimension);
                    if (capacity <= slot) throw new InvalidOperationException($"A flat index holds at most {slot} vectors of {Dimension} dimensions.");
                    Array.Resize(ref _ids, capacity);
                    Array.Resize(ref _vectors, capacity * Dimension);
                }
                _count++;
                _slotsById[id] = slot;
                _ids[slot] = id;
            }
            normalized.CopyTo(_vectors.AsSpan(slot * Dimension, Dimension));
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <inheritdoc />
    public bool Remove(long id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slotsById.Remove(id, out int slot)) return false;
            int last = --_count;
            if (slot != last)
            {
                _ids[slot] = _ids[last];
                _vectors.AsSpan(last * Dimension, Dimension).CopyTo(_vectors.AsSpan(slot * Dimension, Dimension));
                _slotsById[_ids[slot]] = slot;
            }
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <inheritdoc />
    public bool Contains(long id)
    {
        _lock.EnterReadLock();
        try { return _slotsById.ContainsKey(id); }
        finally { _lock.ExitReadLock(); }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<long> GetIds()
    {
        _lock.EnterReadLock();
        try { return _ids.AsSpan(0, _count).ToArray(); }
        finally { _lock.ExitReadLock(); }
    }

    /// <inheritdoc />
    public bool TryGetVector(long id, Span<float> destination)
    {
        if (destination.Length != Dimension) throw new VectorDimensionMismatchException(Dimension, destination.Length);
        _lock.EnterReadLock();
        try
        {
            if (!_slotsById.TryGetValue(id, out int slot)) return false;
            _vectors.AsSpan(slot * Dimension, Dimension).CopyTo(destination);
            return true;
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        float[] normalized = new float[Dimension];
        VectorMath.NormalizeInto(query, normalized, Dimension);
        _lock.EnterReadLock();
        try
        {
            if (k == 0 || _count == 0) return [];
            if (!_parallel || _count < 16_384) return ToHits(ScanRange(normalized, k, filter, 0, _count));
            int parts = Environment.ProcessorCount;
            var partial = new NodeHeap[parts];
            Parallel.For(0, parts, p => partial[p] = ScanRange(normalized, k, filter, (int)((long)_count * p / parts), (int)((long)_count * (p + 1) / parts)));
            var merged = new NodeHeap();
            foreach (var heap in partial)
                for (; heap.Count > 0; heap.Pop()) Offer(merged, k, heap.TopKey, heap.TopNode);
            return ToHits(merged);
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <inheritdoc />
    public void Save(string path)
    {
        _lock.EnterReadLock();
        try
        {
            using var writer = new IndexFileWriter(path, Magic, Version);
            writer.Write(Dimension);
            writer.Write(_count);
            writer.Write<long>(_ids.AsSpan(0, _count));
            writer.Write<float>(_vectors.AsSpan(0, _count * Dimension));
            writer.Commit();
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Loads an index saved by <see cref="Save"/>.</summary>
    /// <exception cref="VectorIndexCorruptException">The file is truncated, damaged or of another format/version.</exception>
    public static FlatVectorIndex Load(string path)
    {
        using var reader = new IndexFileReader(path, Magic, Version);
        int dimension = reader.Read<int>(), count = reader.Read<int>();
        if (dimension is < 1 or > 1 << 16 || count < 0) throw reader.Corrupt($"dimension {dimension} or count {count} is out of range");
        reader.Require(count * (sizeof(long) + (long)dimension * sizeof(float)), "the vectors");
        var index = new FlatVectorIndex(dimension);
        index._ids = new long[Math.Max(16, count)];
        if ((long)count * dimension > Array.MaxLength) throw reader.Corrupt($"{count} vectors of {dimension} dimensions exceed one array");
        index._vectors = new float[Math.Max(16, count) * dimension];
        reader.Read(index._ids.AsSpan(0, count));
        reader.Read(index._vectors.AsSpan(0, count * dimension));
        reader.VerifyChecksum();
        for (int slot = 0; slot < count; slot++)
            if (!index._slotsById.TryAdd(index._ids[slot], slot)) throw reader.Corrupt($"id {index._ids[slot]} appears twice");
        index._count = count;
        return index;
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    /// <summary>The k best slots of [start, end) in a max-heap keyed by negated score (worst kept hit on top).</summary>
    private NodeHeap ScanRange(float[] query, int k, Func<long, bool>? filter, int start, int end)
    {
        var heap = new NodeHeap();
        int slot = start;
        if (filter == null)
        {
            // Four stored vectors per pass: their reads overlap, and the query is loaded once for all four.
            Span<float> scores = stackalloc float[4];
            for (; slot + 4 <= end; slot += 4)
            {
                InnerProduct.Dot4(query, _vectors.AsSpan(slot * Dimension, 4 * Dimension), scores);
                for (int j = 0; j < 4; j++) Offer(heap, k, -scores[j], slot + j);
            }
        }
        for (; slot < end; slot++)
        {
            if (filter != null && !filter(_ids[slot])) continue;
            float score = InnerProduct.Dot(query, _vectors.AsSpan(slot * Dimension, Dimension));
            Offer(heap, k, -score, slot);
        }
        return heap;
    }

    private static void Offer(NodeHeap heap, int k, float key, int slot)
    {
        if (heap.Count < k) heap.Push(key, slot);
        else if (key < heap.TopKey)
        {
            heap.Pop();
            heap.Push(key, slot);
        }
    }

    private List<VectorHit> ToHits(NodeHeap heap)
    {
        var hits = new List<VectorHit>(heap.Count);
        for (; heap.Count > 0; heap.Pop()) hits.Add(new VectorHit(_ids[heap.TopNode], -heap.TopKey));
        hits.Reverse();
        return hits;
    }
}
