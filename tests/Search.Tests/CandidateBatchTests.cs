using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;

namespace VideoSearch.Search.Tests;

public sealed class CandidateBatchTests
{
    private static CandidateClip Clip(long id) => new(id, 1, "/media/a.mp4", 10, id, id + 4, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Rent_FilledRowsAndClips_ExposesExactlyTheRowsOfTheClipsHeld()
    {
        using var batch = CandidateBatch.Rent(capacity: 3, embeddingDim: 2, contextLength: 4);
        for (int row = 0; row < 2; row++)
        {
            batch.EmbeddingRow(row).Fill(row + 1);
            batch.ContextRow(row).Fill(10 * (row + 1));
        }
        batch.SetClips([Clip(7), Clip(9)]);

        Assert.Equal([1f, 1f, 2f, 2f], batch.Embeddings.ToArray());
        Assert.Equal([10f, 10f, 10f, 10f, 20f, 20f, 20f, 20f], batch.Contexts.ToArray());
        Assert.Equal([7L, 9L], batch.Clips.Select(c => c.ClipId));
    }

    [Fact]
    public void SetClips_MoreThanCapacity_Throws()
    {
        using var batch = CandidateBatch.Rent(capacity: 1, embeddingDim: 2, contextLength: 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.SetClips([Clip(1), Clip(2)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.ContextRow(1));
    }

    [Fact]
    public void Dispose_ThenReading_ThrowsObjectDisposed()
    {
        var batch = CandidateBatch.Rent(capacity: 1, embeddingDim: 2, contextLength: 4);
        batch.SetClips([Clip(1)]);
        batch.Dispose();
        batch.Dispose(); // a second dispose does not return the buffers twice

        Assert.Throws<ObjectDisposedException>(() => batch.Contexts);
        Assert.Throws<ObjectDisposedException>(() => batch.EmbeddingRow(0).Length);
    }
}
