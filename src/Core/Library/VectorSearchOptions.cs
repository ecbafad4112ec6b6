namespace VideoSearch.Core.Library;

/// <summary>How the library's vector index searches (section <c>Search</c>, key <c>EfSearch</c>).</summary>
public sealed class VectorSearchOptions
{
    /// <summary>Candidate list size of the HNSW search (raised to K when smaller); 128 by the hnsw benchmark's recall.</summary>
    public int EfSearch { get; set; } = 128;
}
