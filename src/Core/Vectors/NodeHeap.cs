namespace VideoSearch.Core.Vectors;

/// <summary>
/// A binary max-heap of (key, node) pairs, reused across searches to avoid allocation. A min-heap is this heap
/// with negated keys. Hand-written because PriorityQueue has no max-heap peek-and-replace and costs more per item.
/// </summary>
internal sealed class NodeHeap
{
    private float[] _keys = new float[64];
    private int[] _nodes = new int[64];

    public int Count { get; private set; }

    public float TopKey => _keys[0];

    public int TopNode => _nodes[0];

    public void Clear() => Count = 0;

    /// <summary>Copies the pairs, in heap order, into the start of the two arrays.</summary>
    public void CopyTo(float[] keys, int[] nodes)
    {
        Array.Copy(_keys, keys, Count);
        Array.Copy(_nodes, nodes, Count);
    }

    public void Push(float key, int node)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _nodes, Count * 2);
        }
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_keys[parent] >= key) break;
            _keys[i] = _keys[parent];
            _nodes[i] = _nodes[parent];
            i = parent;
        }
        _keys[i] = key;
        _nodes[i] = node;
    }

    public void Pop()
    {
        int last = --Count;
        if (last == 0) return;
        float key = _keys[last];
        int node = _nodes[last];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= last) break;
            if (child + 1 < last && _keys[child + 1] > _keys[child]) child++;
            if (_keys[child] <= key) break;
            _keys[i] = _keys[child];
            _nodes[i] = _nodes[child];
            i = child;
        }
        _keys[i] = key;
        _nodes[i] = node;
    }
}
