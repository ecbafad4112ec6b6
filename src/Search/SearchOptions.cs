namespace VideoSearch.Search;

/// <summary>Settings of the <c>Search</c> section of appsettings.json.</summary>
public sealed class SearchOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Search";

    /// <summary>
    /// K: clips the vector index hands to X-CLIP re-ranking. 50 by measurement (scripts/bench search): recall of the
    /// final top 10 against re-ranking every clip was the same at K = 20, 50 and 100 (the few misses were the index's
    /// approximate neighbours), and K = 50 keeps a margin for a trained prompt generator that moves scores more, at
    /// about 12 ms of re-ranking (K = 100: ~22 ms, K = 200: ~33 ms).
    /// </summary>
    public int CandidateCount { get; set; } = 50;

    /// <summary>The most videos one request may ask for (<c>top</c>), in every front end.</summary>
    public int MaxTop { get; set; } = 100;

    /// <summary>The most videos one request may skip (<c>offset</c>, paging depth).</summary>
    public int MaxOffset { get; set; } = 10_000;

    /// <summary>The longest accepted query, in characters (the text model reads at most 77 tokens of it anyway).</summary>
    public int MaxQueryLength { get; set; } = 1000;

    /// <summary>Encoded queries kept in the text feature cache (0 disables it).</summary>
    public int TextCacheSize { get; set; } = 1024;

    /// <summary>
    /// How often a search node on a shared catalog reads the changes other processes committed (see
    /// <see cref="Following.CatalogFollower"/>): a committed clip is searchable within about this long.
    /// </summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a following node saves its vector index file when it changed (it is always saved on stop).</summary>
    public TimeSpan FollowSaveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What is wrong with these settings, or null when they are usable.</summary>
    public string? Problem() =>
        CandidateCount < 1 ? $"Search:CandidateCount must be at least 1, got {CandidateCount}"
        : MaxTop < 1 ? $"Search:MaxTop must be at least 1, got {MaxTop}"
        : MaxOffset < 0 ? $"Search:MaxOffset must not be negative, got {MaxOffset}"
        : MaxQueryLength < 1 ? $"Search:MaxQueryLength must be at least 1, got {MaxQueryLength}"
        : TextCacheSize < 0 ? $"Search:TextCacheSize must not be negative, got {TextCacheSize}"
        : FollowInterval <= TimeSpan.Zero ? $"Search:FollowInterval must be positive, got {FollowInterval}"
        : FollowSaveInterval < TimeSpan.Zero ? $"Search:FollowSaveInterval must not be negative, got {FollowSaveInterval}"
        : null;
}
