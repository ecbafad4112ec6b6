namespace VideoSearch.Core.Vectors;

/// <summary>
/// Marks nodes visited during one search. A generation stamp per node makes clearing O(1): a new search bumps the
/// generation instead of zeroing the array (as hnswlib's VisitedList does). Stamps are 16-bit, as there, so the
/// array of a million-node graph is 2 MB and stays in cache beside the vectors; it is cleared once every 65,535
/// searches.
/// </summary>
internal sealed class VisitedSet
{
    private ushort[] _stamps = [];
    private ushort _generation;

    /// <summary>Starts a new search over up to <paramref name="capacity"/> nodes.</summary>
    public void Reset(int capacity)
    {
        if (_stamps.Length < capacity)
        {
            _stamps = new ushort[Math.Max(capacity, _stamps.Length * 2)];
            _generation = 0;
        }
        if (++_generation == ushort.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    /// <summary>Marks <paramref name="node"/>; false when it was already marked in this search.</summary>
    public bool TryVisit(int node)
    {
        ref ushort stamp = ref _stamps[node];
        if (stamp == _generation) return false;
        stamp = _generation;
        return true;
    }
}
