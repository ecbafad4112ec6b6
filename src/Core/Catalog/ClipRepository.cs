using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace VideoSearch.Core.Catalog;

/// <summary>Clip reads for search: the embedding stream that rebuilds the vector index, contexts for re-ranking, thumbnails.</summary>
public sealed class ClipRepository(CatalogDatabase database)
{
    /// <summary>
    /// Every clip's id and float32 embedding, by id, streamed row by row (one read snapshot; never all in memory).
    /// </summary>
    public async IAsyncEnumerable<ClipEmbedding> StreamEmbeddingsAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CatalogCommand.Create(connection, "SELECT id, embedding FROM clips ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            yield return new ClipEmbedding(reader.GetInt64(0), FloatBlob.ToSingles(reader.GetFieldValue<byte[]>(1)));
    }

    /// <summary>
    /// The clips with the given ids, with their decoded contexts, in the order of <paramref name="clipIds"/>, in one
    /// query. Ids no longer in the catalog (a stale vector index) are left out.
    /// </summary>
    public async Task<IReadOnlyList<ClipContext>> GetContextsAsync(IReadOnlyList<long> clipIds,
        CancellationToken cancellationToken = default)
    {
        if (clipIds.Count == 0) return [];
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One statement for the whole batch: the ids travel as one JSON array parameter, so the statement text is
        // the same for every batch size.
        using var command = CatalogCommand.Create(connection,
                "SELECT c.id, c.video_id, v.path, c.clip_index, c.start_s, c.end_s, x.context " +
                "FROM clips c JOIN videos v ON v.id = c.video_id JOIN clip_contexts x ON x.clip_id = c.id " +
                "WHERE c.id IN (SELECT value FROM json_each($ids));")
            .With("$ids", JsonSerializer.Serialize(clipIds));
        var byId = new Dictionary<long, ClipContext>(clipIds.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long id = reader.GetInt64(0);
                byId[id] = new ClipContext(id, new VideoId(reader.GetInt64(1)), reader.GetString(2), reader.GetInt32(3),
                    reader.GetDouble(4), reader.GetDouble(5), ContextCodec.Decode(reader.GetFieldValue<byte[]>(6)));
            }
        }
        var ordered = new List<ClipContext>(byId.Count);
        foreach (long id in clipIds)
            if (byId.TryGetValue(id, out ClipContext? clip)) ordered.Add(clip);
        return ordered;
    }

    /// <summary>The clip's JPEG thumbnail, or null when there is no such clip.</summary>
    public async Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CatalogCommand.Create(connection, "SELECT jpeg FROM clip_thumbnails WHERE clip_id = $id;")
            .With("$id", clipId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <summary>The number of stored clips (what a rebuilt vector index should hold).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = CatalogCommand.Create(connection, "SELECT count(*) FROM clips;");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
