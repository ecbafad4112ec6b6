using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>Clip reads for search: the embedding stream that rebuilds the vector index, contexts for re-ranking, thumbnails and preview strips.</summary>
public sealed class ClipRepository(CatalogDatabase database, LibraryRootPaths paths)
{
    /// <summary>
    /// Every clip's id and float32 embedding, by id, streamed row by row (one read snapshot; never all in memory).
    /// </summary>
    public async IAsyncEnumerable<ClipEmbedding> StreamEmbeddingsAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // An iterator cannot yield inside RunAsync, so each step that can meet a SQLite failure is guarded alone.
        await using var connection = await database.GuardAsync(() => database.OpenConnectionAsync(cancellationToken)).ConfigureAwait(false);
        using var command = CatalogCommand.Create(connection, "SELECT id, embedding FROM clips ORDER BY id;");
        await using var reader = await database.GuardAsync(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await database.GuardAsync(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
            yield return new ClipEmbedding(reader.GetInt64(0), FloatBlob.ToSingles(reader.GetFieldValue<byte[]>(1)));
    }

    /// <summary>The embeddings of those of <paramref name="clipIds"/> that exist (a removed clip is left out), in id order.</summary>
    public async Task<IReadOnlyList<ClipEmbedding>> GetEmbeddingsAsync(IReadOnlyCollection<long> clipIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clipIds);
        if (clipIds.Count == 0) return [];
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    "SELECT id, embedding FROM clips WHERE " + database.IdIn("id", "@ids") + " ORDER BY id;")
                .With("@ids", database.IdList(clipIds));
            var embeddings = new List<ClipEmbedding>(clipIds.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                embeddings.Add(new ClipEmbedding(reader.GetInt64(0), FloatBlob.ToSingles(reader.GetFieldValue<byte[]>(1))));
            return (IReadOnlyList<ClipEmbedding>)embeddings;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The clips with the given ids and their contexts decoded into one contiguous <c>[clips, patches, dim]</c>
    /// buffer, in the order of <paramref name="clipIds"/>, in one query. Ids no longer in the catalog (a stale
    /// vector index) are left out; a repeated id is returned once.
    /// </summary>
    /// <exception cref="CatalogException">A stored context does not match the model's shape (a damaged row).</exception>
    public async Task<ClipContextBatch> GetContextsAsync(IReadOnlyList<long> clipIds,
        CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            ModelState? model = await ModelStateRepository.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (model is null || clipIds.Count == 0)
                return new ClipContextBatch([], [], model?.ContextPatches ?? 0, model?.ContextDim ?? 0);

            var slots = new Dictionary<long, int>(clipIds.Count);
            foreach (long id in clipIds) slots.TryAdd(id, slots.Count);
            int length = model.ContextLength;
            // Every slot that is returned gets decoded over; skipping the zeroing matters at ~10 MB per re-rank batch.
            float[] contexts = GC.AllocateUninitializedArray<float>(slots.Count * length);
            var rows = new ClipRow?[slots.Count];

            // One statement for the whole batch: the ids travel as one JSON array parameter, so the statement text is
            // the same for every batch size and each id is a primary-key lookup.
            using var command = CatalogCommand.Create(connection,
                    "SELECT c.id, c.video_id, v.path, c.clip_index, c.start_s, c.end_s, x.context, v.root_id, v.relative_path " +
                    "FROM clips c JOIN videos v ON v.id = c.video_id JOIN clip_contexts x ON x.clip_id = c.id " +
                    "WHERE " + database.IdIn("c.id", "@ids") + ";")
                .With("@ids", database.IdList(slots.Keys));
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    long id = reader.GetInt64(0);
                    int slot = slots[id];
                    byte[] encoded = reader.GetFieldValue<byte[]>(6);
                    if (ContextCodec.ValueCount(encoded) != length)
                        throw new CatalogException(database.Location,
                            $"The context of clip {id} has {ContextCodec.ValueCount(encoded)} values, the model {length}");
                    ContextCodec.Decode(encoded, contexts.AsSpan(slot * length, length));
                    rows[slot] = new ClipRow(id, new VideoId(reader.GetInt64(1)),
                        paths.Resolve(reader.GetInt64(7), reader.GetString(8), reader.GetString(2)), reader.GetInt32(3),
                        reader.GetDouble(4), reader.GetDouble(5));
                }
            }
            return Compact(rows, contexts, model);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The clip's JPEG thumbnail, or null when there is no such clip.</summary>
    public Task<byte[]?> GetThumbnailAsync(long clipId, CancellationToken cancellationToken = default) =>
        GetJpegAsync("SELECT jpeg FROM clip_thumbnails WHERE clip_id = @id;", clipId, cancellationToken);

    /// <summary>
    /// The clip's preview strip (JPEG), or null when there is no such clip or it has none (indexed before catalog
    /// version 3 stored them).
    /// </summary>
    public Task<byte[]?> GetPreviewAsync(long clipId, CancellationToken cancellationToken = default) =>
        GetJpegAsync("SELECT jpeg FROM clip_previews WHERE clip_id = @id;", clipId, cancellationToken);

    /// <summary>
    /// Clip ids that have a preview strip but no clip row. The schema's cascade never leaves one, but a file edited
    /// with foreign keys off (the sqlite3 shell's default) can.
    /// </summary>
    public async Task<IReadOnlyList<long>> ListPreviewsWithoutClipAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                "SELECT p.clip_id FROM clip_previews p WHERE NOT EXISTS (SELECT 1 FROM clips c WHERE c.id = p.clip_id) ORDER BY p.clip_id;");
            return (IReadOnlyList<long>)await command.ReadLongsAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]?> GetJpegAsync(string sql, long clipId, CancellationToken cancellationToken)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, sql).With("@id", clipId);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The clips of one video in plan order (no vectors), for a video's detail view.</summary>
    public async Task<IReadOnlyList<ClipSpanRow>> ListByVideoAsync(VideoId videoId, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    "SELECT id, clip_index, start_s, end_s FROM clips WHERE video_id = @video ORDER BY clip_index;")
                .With("@video", videoId.Value);
            var rows = new List<ClipSpanRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                rows.Add(new ClipSpanRow(reader.GetInt64(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3)));
            return rows;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The number of stored clips (what a rebuilt vector index should hold).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, "SELECT count(*) FROM clips;");
            return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the gaps left by ids not found, then slices each clip's context out of the final buffer.</summary>
    private static ClipContextBatch Compact(ClipRow?[] rows, float[] contexts, ModelState model)
    {
        int length = model.ContextLength;
        int found = 0;
        for (int slot = 0; slot < rows.Length; slot++)
        {
            if (rows[slot] is null) continue;
            if (found != slot)
            {
                contexts.AsSpan(slot * length, length).CopyTo(contexts.AsSpan(found * length, length));
                rows[found] = rows[slot];
            }
            found++;
        }
        if (found < rows.Length) Array.Resize(ref contexts, found * length);

        var clips = new ClipContext[found];
        for (int i = 0; i < found; i++)
        {
            ClipRow row = rows[i]!.Value;
            clips[i] = new ClipContext(row.Id, row.VideoId, row.VideoPath, row.ClipIndex, row.StartSeconds, row.EndSeconds,
                contexts.AsMemory(i * length, length));
        }
        return new ClipContextBatch(clips, contexts, model.ContextPatches, model.ContextDim);
    }

    private readonly record struct ClipRow(long Id, VideoId VideoId, string VideoPath, int ClipIndex, double StartSeconds,
        double EndSeconds);
}
