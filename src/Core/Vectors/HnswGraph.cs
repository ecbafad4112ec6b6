using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VideoSearch.Core.Vectors;

/// <summary>
/// Storage of a hierarchical navigable small world graph (Malkov and Yashunin, 2016): normalised vectors, the
/// caller's ids, tombstones and per-layer neighbour lists of dense int node numbers. Written by hand because no
/// HNSW package is available for .NET here. Vectors and layer-0 lists live in pinned chunks so the index grows
/// without copying gigabytes and the hot loop reads them through raw pointers; upper layers, which few nodes
/// have, are small managed arrays. Not thread-safe by itself: <see cref="HnswVectorIndex"/> serialises writers,
/// and parallel builds go through <see cref="InsertRange"/>, which locks neighbour lists per node as hnswlib does.
/// </summary>
internal sealed unsafe partial class HnswGraph
{
    internal const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;
    private const int MaxLevelCap = 31;
    private const int CacheLineFloats = 64 / sizeof(float);

    private readonly List<float[]> _vectorChunks = [];
    private readonly List<int[]> _linkChunks = [];
    private nint[] _vectorChunkPointers = [];
    private nint[] _linkChunkPointers = [];
    private long[] _ids = [];
    private byte[] _deleted = [];
    private int[] _levels = [];
    private int[]?[] _upperLinks = [];
    private int[] _nodeLocks = [];
    private readonly object _entryLock = new();
    private readonly double _levelMultiplier;

    public HnswGraph(int dimension, HnswOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        options.Validate();
        Dimension = dimension;
        Options = options;
        M = options.M;
        M0 = 2 * options.M;
        _levelMultiplier = 1 / Math.Log(options.M);
    }

    public int Dimension { get; }

    public HnswOptions Options { get; }

    /// <summary>Links per node on layers above 0.</summary>
    public int M { get; }

    /// <summary>Links per node on layer 0.</summary>
    public int M0 { get; }

    /// <summary>Nodes allocated, live and removed.</summary>
    public int NodeCount { get; private set; }

    public int DeletedCount { get; private set; }

    public int EntryPoint { get; private set; } = -1;

    public int MaxLevel { get; private set; } = -1;

    public long IdOf(int node) => _ids[node];

    public bool IsDeleted(int node) => _deleted[node] != 0;

    public int LevelOf(int node) => _levels[node];

    public void MarkDeleted(int node)
    {
        if (_deleted[node] != 0) return;
        _deleted[node] = 1;
        DeletedCount++;
    }

    /// <summary>The stored (normalised) vector of <paramref name="node"/>.</summary>
    public ReadOnlySpan<float> VectorOf(int node) => new(VectorPointer(node), Dimension);

    /// <summary>
    /// Appends a node holding a copy of <paramref name="normalized"/>; it is not linked until inserted. Its level is
    /// drawn from the seed and the node number, so a rebuild of the same data draws the same levels.
    /// </summary>
    public int AllocateNode(long id, ReadOnlySpan<float> normalized)
    {
        int node = NodeCount;
        EnsureCapacity(node + 1);
        normalized.CopyTo(new Span<float>(VectorPointer(node), Dimension));
        int level = DrawLevel(node);
        _ids[node] = id;
        _levels[node] = level;
        _upperLinks[node] = level > 0 ? new int[level * (M + 1)] : null;
        NodeCount = node + 1;
        return node;
    }

    /// <summary>Reserves room for <paramref name="nodes"/> nodes so a parallel build never reallocates.</summary>
    public void EnsureCapacity(int nodes)
    {
        if (nodes > _ids.Length)
        {
            int capacity = Math.Max(nodes, Math.Max(16, _ids.Length * 2));
            Array.Resize(ref _ids, capacity);
            Array.Resize(ref _deleted, capacity);
            Array.Resize(ref _levels, capacity);
            Array.Resize(ref _upperLinks, capacity);
            Array.Resize(ref _nodeLocks, capacity);
        }
        int chunksNeeded = (nodes + ChunkMask) >> ChunkShift;
        while (_vectorChunks.Count < chunksNeeded)
        {
            // Pinned so that the pointers below stay valid for the life of the graph. The chunk starts on a cache
            // line, and so does every vector whose size is a multiple of 64 bytes (512 dimensions: 2 KB): a 512-bit
            // load that straddles two lines costs two, and an unaligned 2 KB vector touches 33 lines, not 32.
            var vectors = GC.AllocateArray<float>(ChunkSize * Dimension + CacheLineFloats, pinned: true);
            var links = GC.AllocateArray<int>(ChunkSize * (M0 + 1), pinned: true);
            _vectorChunks.Add(vectors);
            _linkChunks.Add(links);
            _vectorChunkPointers = [.. _vectorChunkPointers, AlignToCacheLine(vectors)];
            _linkChunkPointers = [.. _linkChunkPointers, (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(links))];
        }
    }

    /// <summary>Bytes held by this graph's arrays (for the benchmark's bytes-per-vector figure).</summary>
    public long AllocatedBytes()
    {
        long bytes = (long)_vectorChunks.Count * (ChunkSize * (Dimension + M0 + 1) + CacheLineFloats) * sizeof(float);
        bytes += (long)_ids.Length * (sizeof(long) + sizeof(byte) + sizeof(int) + sizeof(int) + IntPtr.Size);
        for (int i = 0; i < NodeCount; i++) bytes += _upperLinks[i]?.Length * sizeof(int) ?? 0;
        return bytes;
    }

    private static nint AlignToCacheLine(float[] pinned)
    {
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (start + 63) & ~(nint)63;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float* VectorPointer(int node) =>
        (float*)_vectorChunkPointers[node >> ChunkShift] + (long)(node & ChunkMask) * Dimension;

    /// <summary>
    /// The neighbour block of <paramref name="node"/> on <paramref name="level"/>: element 0 is the count, then up
    /// to M0 (layer 0) or M (above) node numbers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Span<int> LinkBlock(int node, int level)
    {
        if (level == 0) return new Span<int>(Level0LinkPointer(node), M0 + 1);
        return _upperLinks[node].AsSpan((level - 1) * (M + 1), M + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int* Level0LinkPointer(int node) =>
        (int*)_linkChunkPointers[node >> ChunkShift] + (long)(node & ChunkMask) * (M0 + 1);

    internal void SetEntryPoint(int node, int maxLevel)
    {
        EntryPoint = node;
        MaxLevel = maxLevel;
    }

    /// <summary>Restores a node read from a file (vector, id, tombstone, level); links are filled by the caller.</summary>
    internal void RestoreNode(long id, bool deleted, int level, ReadOnlySpan<float> vector)
    {
        int node = NodeCount;
        EnsureCapacity(node + 1);
        vector.CopyTo(new Span<float>(VectorPointer(node), Dimension));
        _ids[node] = id;
        _levels[node] = level;
        _upperLinks[node] = level > 0 ? new int[level * (M + 1)] : null;
        NodeCount = node + 1;
        if (deleted) MarkDeleted(node);
    }

    private int DrawLevel(int node)
    {
        // SplitMix64 of (seed, node): a uniform draw in (0, 1] without shared random state.
        ulong z = unchecked((ulong)Options.Seed * 0x9E3779B97F4A7C15UL + (ulong)node + 1);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        double uniform = ((z >> 11) + 1) * (1.0 / (1UL << 53));
        return (int)Math.Min(MaxLevelCap, Math.Floor(-Math.Log(uniform) * _levelMultiplier));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LockNode(int node)
    {
        if (Interlocked.CompareExchange(ref _nodeLocks[node], 1, 0) == 0) return;
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _nodeLocks[node], 1, 0) != 0) spin.SpinOnce();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void UnlockNode(int node) => Volatile.Write(ref _nodeLocks[node], 0);
}
