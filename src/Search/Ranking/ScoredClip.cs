using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;

namespace VideoSearch.Search.Ranking;

/// <summary>A clip with its final score (X-CLIP logits for text queries, cosine for query by example).</summary>
/// <param name="Clip">The clip and its video.</param>
/// <param name="Score">Higher is a better match.</param>
public sealed record ScoredClip(CandidateClip Clip, float Score);
