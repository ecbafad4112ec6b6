namespace VideoSearch.Core.Vectors;

/// <summary>
/// Marks nodes visited during one search. A generation stamp per node makes clearing O(1): a new search bumps the
/// generation instead of zeroing the array (as hnswlib's VisitedList does).
/// </summary>
internal sealed class VisitedSet
{
    private int[] _stamps = [];
    private int _generation;

    /// <summary>Starts a new search over up to <paramref name="capacity"/> nodes.</summary>
    public void Reset(int capacity)
    {
        if (_stamps.Length < capacity)
        {
            _stamps = new int[Math.Max(capacity, _stamps.Length * 2)];
            _generation = 0;
        }
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    /// <summary>Marks <paramref name="node"/>; false when it was already marked in this search.</summary>
    public bool TryVisit(int node)
    {
        ref int stamp = ref _stamps[node];
        if (stamp == _generation) return false;
        stamp = _generation;
        return true;
    }
}
