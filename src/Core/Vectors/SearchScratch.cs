namespace VideoSearch.Core.Vectors;

/// <summary>Per-thread buffers for graph searches, so concurrent searches neither allocate nor share state.</summary>
internal sealed class SearchScratch
{
    [ThreadStatic] private static SearchScratch? t_current;

    public static SearchScratch Current => t_current ??= new SearchScratch();

    public VisitedSet Visited { get; } = new();

    /// <summary>Candidates to expand, nearest first (keys are negated distances).</summary>
    public NodeHeap Candidates { get; } = new();

    /// <summary>The best nodes found so far, farthest on top.</summary>
    public NodeHeap Results { get; } = new();

    /// <summary>A copy of one neighbour list, taken under its lock while the graph is being built in parallel.</summary>
    public int[] Links { get; private set; } = new int[64];

    public int[] EnsureLinks(int length) => Links.Length >= length ? Links : Links = new int[length];

    /// <summary>The not yet visited neighbours of the node being expanded, whose distances are due.</summary>
    public int[] Pending { get; private set; } = new int[64];

    public int[] EnsurePending(int length) => Pending.Length >= length ? Pending : Pending = new int[length];

    /// <summary>Buffers for choosing a new node's neighbours (candidates sorted by distance, then the choice).</summary>
    public SelectionBuffers Selection { get; } = new();

    /// <summary>Buffers for shrinking an existing node's list that overflowed.</summary>
    public SelectionBuffers Prune { get; } = new();

    internal sealed class SelectionBuffers
    {
        public float[] Keys { get; private set; } = new float[64];

        public int[] Nodes { get; private set; } = new int[64];

        public int[] Chosen { get; private set; } = new int[64];

        public void Ensure(int length)
        {
            if (Keys.Length >= length) return;
            Keys = new float[length];
            Nodes = new int[length];
            Chosen = new int[length];
        }
    }
}
