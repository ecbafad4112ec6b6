namespace VideoSearch.Search.Text;

/// <summary>
/// Least-recently-used cache of encoded queries keyed by <see cref="QueryKey"/>, so a repeated or re-paged query
/// skips the text encoder. Thread-safe (one lock around a dictionary and a recency list).
/// </summary>
public sealed class TextFeatureCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, EncodedQuery Value)>> _nodes;
    private readonly LinkedList<(string Key, EncodedQuery Value)> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> queries (0 disables caching).</summary>
    public TextFeatureCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _nodes = new Dictionary<string, LinkedListNode<(string, EncodedQuery)>>(capacity, StringComparer.Ordinal);
    }

    /// <summary>Queries held now.</summary>
    public int Count
    {
        get { lock (_lock) return _nodes.Count; }
    }

    /// <summary>The cached encoding of <paramref name="query"/>, marking it most recently used.</summary>
    public bool TryGet(string query, out EncodedQuery? encoded)
    {
        string key = QueryKey.Of(query);
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                encoded = node.Value.Value;
                return true;
            }
        }
        encoded = null;
        return false;
    }

    /// <summary>Stores the encoding of <paramref name="query"/>, evicting the least recently used when full.</summary>
    public void Add(string query, EncodedQuery encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (_capacity == 0) return;
        string key = QueryKey.Of(query);
        lock (_lock)
        {
            if (_nodes.Remove(key, out var existing)) _recency.Remove(existing);
            _nodes[key] = _recency.AddFirst((key, encoded));
            if (_nodes.Count > _capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _nodes.Remove(last.Value.Key);
            }
        }
    }
}
