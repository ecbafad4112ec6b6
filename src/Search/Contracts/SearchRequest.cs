namespace VideoSearch.Search.Contracts;

/// <summary>A text query against the indexed library.</summary>
/// <param name="Query">What the user remembers seeing, in words.</param>
/// <param name="Top">How many videos to return.</param>
/// <param name="Offset">How many of the best videos to skip (paging).</param>
/// <param name="Filters">Optional restrictions on which videos may match.</param>
/// <param name="Rerank">
/// True (the default) scores the vector index's candidates with X-CLIP's own logits (the second stage). False ranks them
/// by the first stage alone, the cosine of the text features with each clip's embedding, calibrated against the same
/// cosine over the library's sample: faster and coarser, and the baseline that shows what re-ranking adds.
/// </param>
public sealed record SearchRequest(string Query, int Top = 10, int Offset = 0, SearchFilters? Filters = null, bool Rerank = true);
