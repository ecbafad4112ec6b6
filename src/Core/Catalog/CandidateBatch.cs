using System.Buffers;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Candidate clips fetched for re-ranking, with their stored embeddings and decoded contexts as contiguous row-major
/// buffers (<c>[clips, P]</c> and <c>[clips, patches, P]</c>) that become model inputs without per-clip copies.
/// The buffers are rented from the shared array pool and go back on <see cref="Dispose"/>: a K = 50 batch holds
/// 5 MB of contexts, and a fresh array that size per query is a large-object allocation whose zeroed pages and
/// full collections cost more than the whole re-ranking computation (measured in the search benchmark).
/// </summary>
public sealed class CandidateBatch : IDisposable
{
    private readonly int _embeddingDim;
    private readonly int _contextLength;
    private float[]? _embeddings;
    private float[]? _contexts;
    private IReadOnlyList<CandidateClip> _clips = [];

    private CandidateBatch(int capacity, int embeddingDim, int contextLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contextLength);
        _embeddingDim = embeddingDim;
        _contextLength = contextLength;
        Capacity = capacity;
        _embeddings = ArrayPool<float>.Shared.Rent(checked(capacity * embeddingDim));
        _contexts = ArrayPool<float>.Shared.Rent(checked(capacity * contextLength));
    }

    /// <summary>
    /// An empty batch with room for <paramref name="capacity"/> clips: fill rows with <see cref="EmbeddingRow"/> and
    /// <see cref="ContextRow"/>, then name the clips held, in row order, with <see cref="SetClips"/>.
    /// </summary>
    public static CandidateBatch Rent(int capacity, int embeddingDim, int contextLength) => new(capacity, embeddingDim, contextLength);

    /// <summary>The number of clip rows the buffers hold.</summary>
    public int Capacity { get; }

    /// <summary>The clips found, in row order (ids no longer stored are left out).</summary>
    public IReadOnlyList<CandidateClip> Clips => _clips;

    /// <summary>The clips' video embeddings, <c>Clips.Count * P</c> floats.</summary>
    public ReadOnlyMemory<float> Embeddings => Buffer(_embeddings).AsMemory(0, _clips.Count * _embeddingDim);

    /// <summary>The clips' prompt contexts, <c>Clips.Count * patches * P</c> floats.</summary>
    public ReadOnlyMemory<float> Contexts => Buffer(_contexts).AsMemory(0, _clips.Count * _contextLength);

    /// <summary>The writable embedding row <paramref name="row"/>.</summary>
    public Span<float> EmbeddingRow(int row) => Buffer(_embeddings).AsSpan(Row(row) * _embeddingDim, _embeddingDim);

    /// <summary>The writable context row <paramref name="row"/>.</summary>
    public Span<float> ContextRow(int row) => Buffer(_contexts).AsSpan(Row(row) * _contextLength, _contextLength);

    /// <summary>Names the clips whose rows 0..count-1 are filled.</summary>
    public void SetClips(IReadOnlyList<CandidateClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clips.Count, Capacity, nameof(clips));
        _clips = clips;
    }

    /// <summary>Returns the buffers to the pool; the batch must not be used afterwards.</summary>
    public void Dispose()
    {
        float[]? embeddings = Interlocked.Exchange(ref _embeddings, null);
        float[]? contexts = Interlocked.Exchange(ref _contexts, null);
        if (embeddings is not null) ArrayPool<float>.Shared.Return(embeddings);
        if (contexts is not null) ArrayPool<float>.Shared.Return(contexts);
    }

    private int Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Capacity);
        return row;
    }

    private float[] Buffer(float[]? buffer) => buffer ?? throw new ObjectDisposedException(nameof(CandidateBatch));
}
