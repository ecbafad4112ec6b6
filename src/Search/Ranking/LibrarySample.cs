using VideoSearch.Core.Catalog;

namespace VideoSearch.Search.Ranking;

/// <summary>
/// The background sample of the library held in memory: the clips and copies of their embeddings and contexts
/// (plain arrays, not pooled buffers, because concurrent searches read them while a refresh replaces them).
/// </summary>
/// <param name="IndexCount">The vector index's clip count when the sample was taken (a change asks for a new sample).</param>
/// <param name="TakenAt">When it was taken (<see cref="TimeProvider.GetTimestamp"/>).</param>
/// <param name="Clips">The sampled clips, in row order.</param>
/// <param name="Embeddings">Their embeddings, <c>[clips, P]</c>.</param>
/// <param name="Contexts">Their contexts, <c>[clips, patches, P]</c>.</param>
public sealed record LibrarySample(int IndexCount, long TakenAt, IReadOnlyList<CandidateClip> Clips, float[] Embeddings,
    float[] Contexts);
