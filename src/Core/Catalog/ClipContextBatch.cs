namespace VideoSearch.Core.Catalog;

/// <summary>
/// Clips fetched for re-ranking with their contexts decoded into one contiguous row-major
/// <c>[clips, patches, dim]</c> buffer, ready to become one tensor without copying clip by clip.
/// </summary>
/// <param name="Clips">The clips found, in request order; each <see cref="ClipContext.Context"/> slices <paramref name="Contexts"/>.</param>
/// <param name="Contexts">All contexts, <c>Clips.Count * Patches * Dim</c> floats.</param>
/// <param name="Patches">Rows of one context.</param>
/// <param name="Dim">Columns of one context.</param>
public sealed record ClipContextBatch(IReadOnlyList<ClipContext> Clips, float[] Contexts, int Patches, int Dim);
