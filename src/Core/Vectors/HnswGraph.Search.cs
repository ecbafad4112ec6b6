using System.Runtime.CompilerServices;

namespace VideoSearch.Core.Vectors;

/// <summary>Layer searches of the HNSW graph (Algorithms 2 and 5 of the paper; greedy descent above layer 0).</summary>
internal sealed unsafe partial class HnswGraph
{
    /// <summary>Neighbours whose distances are computed together (see <see cref="InnerProduct"/>).</summary>
    private const int DistanceBatch = 4;

    /// <summary>
    /// How much of each neighbour in the next batch is requested ahead of use: one cache line. Measured on this
    /// machine over a million random 512-dimensional vectors, the hardware prefetcher follows on from that first line
    /// by itself, while requesting whole vectors ahead floods the memory queue and was up to twice as slow.
    /// </summary>
    private const int PrefetchBytes = 64;

    /// <summary>Distance used inside the graph: the negated inner product, so smaller is nearer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float Distance(float* a, float* b) => -InnerProduct.Dot(a, b, Dimension);

    /// <summary>
    /// The <paramref name="k"/> nearest live nodes to the normalised <paramref name="query"/> that pass
    /// <paramref name="filter"/>, nearest first, appended to <paramref name="hits"/> as (id, inner product).
    /// </summary>
    public void SearchKnn(float* query, int k, int ef, Func<long, bool>? filter, List<VectorHit> hits)
    {
        if (EntryPoint < 0 || k <= 0) return;
        var scratch = SearchScratch.Current;
        int current = EntryPoint;
        float currentDistance = Distance(query, current);
        for (int level = MaxLevel; level > 0; level--)
            current = GreedyClosest(query, current, ref currentDistance, level, concurrent: false, scratch);

        bool filtered = filter != null || DeletedCount > 0;
        SearchLayer(query, current, Math.Max(ef, k), 0, concurrent: false, filtered, filter, scratch);
        var results = scratch.Results;
        while (results.Count > k) results.Pop();
        int start = hits.Count;
        while (results.Count > 0)
        {
            hits.Add(new VectorHit(_ids[results.TopNode], -results.TopKey));
            results.Pop();
        }
        hits.Reverse(start, hits.Count - start);
    }

    /// <summary>Greedy walk on one layer: moves to any nearer neighbour until none is nearer.</summary>
    private int GreedyClosest(float* query, int current, ref float currentDistance, int level, bool concurrent, SearchScratch scratch)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            ReadOnlySpan<int> links = ReadLinks(current, level, concurrent, scratch);
            foreach (int neighbour in links)
            {
                float distance = Distance(query, VectorPointer(neighbour));
                if (distance < currentDistance)
                {
                    currentDistance = distance;
                    current = neighbour;
                    changed = true;
                }
            }
        }
        return current;
    }

    private float Distance(float* query, int node) => Distance(query, VectorPointer(node));

    /// <summary>
    /// Best-first search of one layer from <paramref name="entry"/> keeping the <paramref name="ef"/> nearest nodes in
    /// <see cref="SearchScratch.Results"/> (farthest on top). When <paramref name="filtered"/>, removed nodes and
    /// those the filter rejects are walked through but never kept, as in hnswlib.
    /// </summary>
    private void SearchLayer(float* query, int entry, int ef, int level, bool concurrent, bool filtered,
        Func<long, bool>? filter, SearchScratch scratch)
    {
        var visited = scratch.Visited;
        visited.Reset(_ids.Length);
        var candidates = scratch.Candidates;
        var results = scratch.Results;
        candidates.Clear();
        results.Clear();

        float entryDistance = Distance(query, entry);
        visited.TryVisit(entry);
        candidates.Push(-entryDistance, entry);
        if (!filtered || Accepts(entry, filter)) results.Push(entryDistance, entry);
        float bound = results.Count > 0 ? results.TopKey : float.MaxValue;
        float* distances = stackalloc float[DistanceBatch];

        while (candidates.Count > 0)
        {
            float candidateDistance = -candidates.TopKey;
            if (candidateDistance > bound && results.Count >= ef) break;
            int candidate = candidates.TopNode;
            candidates.Pop();

            ReadOnlySpan<int> links = ReadLinks(candidate, level, concurrent, scratch);
            int[] fresh = scratch.EnsurePending(links.Length);
            int pending = 0;
            foreach (int neighbour in links)
                if (visited.TryVisit(neighbour)) fresh[pending++] = neighbour;
            for (int j = 0; j < Math.Min(pending, DistanceBatch); j++) InnerProduct.Prefetch(VectorPointer(fresh[j]), PrefetchBytes);
            for (int j = 0; j < pending; j += DistanceBatch)
            {
                int batch = Math.Min(DistanceBatch, pending - j);
                for (int t = j + DistanceBatch; t < Math.Min(pending, j + 2 * DistanceBatch); t++)
                    InnerProduct.Prefetch(VectorPointer(fresh[t]), PrefetchBytes);
                DistancesOf(query, fresh.AsSpan(j, batch), distances);
                for (int t = 0; t < batch; t++)
                {
                    float distance = distances[t];
                    if (results.Count >= ef && distance >= bound) continue;
                    int neighbour = fresh[j + t];
                    candidates.Push(-distance, neighbour);
                    if (!filtered || Accepts(neighbour, filter))
                    {
                        results.Push(distance, neighbour);
                        if (results.Count > ef) results.Pop();
                    }
                    if (results.Count > 0) bound = results.TopKey;
                }
            }
            // The next node to expand is known now: start reading its neighbour list (as hnswlib does).
            if (level == 0 && candidates.Count > 0) InnerProduct.Prefetch(Level0LinkPointer(candidates.TopNode), PrefetchBytes);
        }
    }

    /// <summary>
    /// Distances from <paramref name="query"/> to one to four nodes in one pass. A short batch fills its unused slots
    /// with its first node, whose vector is being read anyway: that costs a little arithmetic and no memory traffic,
    /// and keeps one code path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DistancesOf(float* query, ReadOnlySpan<int> nodes, float* distances)
    {
        float* a = VectorPointer(nodes[0]);
        float* b = nodes.Length > 1 ? VectorPointer(nodes[1]) : a;
        float* c = nodes.Length > 2 ? VectorPointer(nodes[2]) : a;
        float* d = nodes.Length > 3 ? VectorPointer(nodes[3]) : a;
        InnerProduct.Dot4(query, a, b, c, d, Dimension, distances);
        for (int t = 0; t < DistanceBatch; t++) distances[t] = -distances[t];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Accepts(int node, Func<long, bool>? filter) => _deleted[node] == 0 && (filter == null || filter(_ids[node]));

    /// <summary>
    /// The neighbours of <paramref name="node"/> on <paramref name="level"/>. During a parallel build the list is
    /// copied under the node's lock, since another thread may be rewriting it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<int> ReadLinks(int node, int level, bool concurrent, SearchScratch scratch)
    {
        Span<int> block = LinkBlock(node, level);
        if (!concurrent) return block.Slice(1, block[0]);
        int[] copy = scratch.EnsureLinks(block.Length);
        LockNode(node);
        int count = block[0];
        block.Slice(1, count).CopyTo(copy);
        UnlockNode(node);
        return copy.AsSpan(0, count);
    }
}
