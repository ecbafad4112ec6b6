namespace VideoSearch.Core.Vectors;

/// <summary>Insertion into the HNSW graph (Algorithm 1) with the heuristic neighbour selection (Algorithm 4).</summary>
internal sealed unsafe partial class HnswGraph
{
    /// <summary>Links an allocated node into the graph; only one thread may call this at a time.</summary>
    public void Insert(int node) => Insert(node, concurrent: false);

    /// <summary>
    /// Links the allocated nodes [<paramref name="start"/>, <paramref name="end"/>) on up to
    /// <paramref name="threads"/> threads, locking each neighbour list while it is read or written (hnswlib's scheme:
    /// a thread never holds two list locks at once, so no order between them is needed).
    /// </summary>
    public void InsertRange(int start, int end, int threads, CancellationToken cancellationToken = default)
    {
        if (start >= end) return;
        if (EntryPoint < 0) Insert(start++, concurrent: false);
        if (threads <= 1)
        {
            for (int node = start; node < end; node++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Insert(node, concurrent: false);
            }
            return;
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(start, end, parallel, node => Insert(node, concurrent: true));
    }

    private void Insert(int node, bool concurrent)
    {
        int level = _levels[node];
        float* query = VectorPointer(node);
        var scratch = SearchScratch.Current;
        bool holdsEntryLock = false;
        if (concurrent) Monitor.Enter(_entryLock);
        int entry = EntryPoint, maxLevel = MaxLevel;
        // A node that raises the top level keeps the entry lock for its whole insertion, as in hnswlib, so two
        // such nodes cannot both become the entry point.
        if (concurrent && level <= maxLevel) Monitor.Exit(_entryLock);
        else holdsEntryLock = concurrent;
        try
        {
            if (entry < 0)
            {
                SetEntryPoint(node, level);
                return;
            }
            int current = entry;
            float currentDistance = Distance(query, current);
            for (int l = maxLevel; l > level; l--)
                current = GreedyClosest(query, current, ref currentDistance, l, concurrent, scratch);

            for (int l = Math.Min(level, maxLevel); l >= 0; l--)
            {
                SearchLayer(query, current, Options.EfConstruction, l, concurrent, filtered: false, filter: null, scratch);
                current = ConnectNewNode(node, l, concurrent, scratch);
            }
            if (level > maxLevel) SetEntryPoint(node, level);
        }
        finally
        {
            if (holdsEntryLock) Monitor.Exit(_entryLock);
        }
    }

    /// <summary>
    /// Links <paramref name="node"/> to neighbours chosen from the layer search's results and links them back,
    /// shrinking any list that overflows with the same heuristic. Returns the nearest chosen neighbour, the entry
    /// for the next layer down.
    /// </summary>
    private int ConnectNewNode(int node, int level, bool concurrent, SearchScratch scratch)
    {
        var results = scratch.Results;
        var selection = scratch.Selection;
        int count = results.Count;
        selection.Ensure(count);
        results.CopyTo(selection.Keys, selection.Nodes);
        Array.Sort(selection.Keys, selection.Nodes, 0, count);
        int chosen = SelectNeighbours(selection.Keys, selection.Nodes, count, M, selection.Chosen);

        Span<int> own = LinkBlock(node, level);
        if (concurrent) LockNode(node);
        own[0] = chosen;
        selection.Chosen.AsSpan(0, chosen).CopyTo(own[1..]);
        if (concurrent) UnlockNode(node);

        int maxLinks = level == 0 ? M0 : M;
        for (int i = 0; i < chosen; i++)
        {
            int neighbour = selection.Chosen[i];
            if (concurrent) LockNode(neighbour);
            Span<int> block = LinkBlock(neighbour, level);
            int links = block[0];
            if (links < maxLinks)
            {
                block[1 + links] = node;
                block[0] = links + 1;
            }
            else
            {
                ShrinkLinks(neighbour, node, block, maxLinks, scratch.Prune);
            }
            if (concurrent) UnlockNode(neighbour);
        }
        return selection.Chosen[0];
    }

    /// <summary>Replaces a full list with the heuristic's choice among its members and the new node.</summary>
    private void ShrinkLinks(int owner, int newNode, Span<int> block, int maxLinks, SearchScratch.SelectionBuffers prune)
    {
        int count = block[0] + 1;
        prune.Ensure(count);
        float* ownerVector = VectorPointer(owner);
        for (int j = 0; j < count - 1; j++)
        {
            int member = block[1 + j];
            prune.Nodes[j] = member;
            prune.Keys[j] = Distance(ownerVector, VectorPointer(member));
        }
        prune.Nodes[count - 1] = newNode;
        prune.Keys[count - 1] = Distance(ownerVector, VectorPointer(newNode));
        Array.Sort(prune.Keys, prune.Nodes, 0, count);
        int kept = SelectNeighbours(prune.Keys, prune.Nodes, count, maxLinks, prune.Chosen);
        block[0] = kept;
        prune.Chosen.AsSpan(0, kept).CopyTo(block[1..]);
    }

    /// <summary>
    /// Algorithm 4 as hnswlib applies it: walking candidates nearest first, keep one only if it is nearer to the
    /// base than to every neighbour kept so far, until <paramref name="max"/> are kept. This spreads links across
    /// directions, which is what keeps clustered data navigable.
    /// </summary>
    private int SelectNeighbours(float[] distances, int[] nodes, int count, int max, int[] chosen)
    {
        if (count <= max)
        {
            Array.Copy(nodes, chosen, count);
            return count;
        }
        int kept = 0;
        for (int i = 0; i < count && kept < max; i++)
        {
            float* candidate = VectorPointer(nodes[i]);
            bool good = true;
            for (int j = 0; j < kept; j++)
            {
                if (Distance(candidate, VectorPointer(chosen[j])) < distances[i])
                {
                    good = false;
                    break;
                }
            }
            if (good) chosen[kept++] = nodes[i];
        }
        return kept;
    }
}
