namespace VideoSearch.Search.Catalog;

/// <summary>
/// Candidate clips fetched for re-ranking, with their stored embeddings and decoded contexts as contiguous row-major
/// buffers (<c>[clips, P]</c> and <c>[clips, patches, P]</c>) that become model inputs without per-clip copies.
/// </summary>
/// <param name="Clips">The clips found, in request order (ids no longer stored are left out).</param>
/// <param name="Embeddings">The clips' video embeddings, <c>Clips.Count * P</c> floats.</param>
/// <param name="Contexts">The clips' prompt contexts, <c>Clips.Count * patches * P</c> floats.</param>
public sealed record CandidateBatch(IReadOnlyList<CandidateClip> Clips, float[] Embeddings, float[] Contexts);
