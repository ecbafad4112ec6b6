using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Search's reads of the catalog: candidates for re-ranking (embeddings, contexts and what grouping needs, joined in
/// one statement), clips by id, and the clips a filter admits. <see cref="ClipRepository.GetContextsAsync"/> returns
/// contexts without the embeddings and video durations re-ranking and grouping also need, hence this read.
/// </summary>
public sealed class CandidateRepository(CatalogDatabase database, LibraryRootPaths paths)
{
    // The root and relative path come last (ordinals 7 and 8) and give this machine's path (LibraryRootPaths).
    private const string ClipColumns =
        "c.id, c.video_id, v.path, coalesce(v.duration_s, 0), c.start_s, c.end_s, v.mtime_ns, v.root_id, v.relative_path";
    private readonly string _path = database.Location;

    /// <summary>
    /// The clips with the given ids, their embeddings and contexts (of <paramref name="model"/>'s shapes), in one read,
    /// in the order given, missing ids left out; the caller disposes the batch (its buffers are pooled).
    /// </summary>
    /// <exception cref="CatalogException">A stored vector does not have the model's shape (a damaged row).</exception>
    public Task<CandidateBatch> GetCandidatesAsync(IReadOnlyList<long> clipIds, ModelState model, CancellationToken cancellationToken) =>
        database.GuardAsync(() => GetCandidatesCoreAsync(clipIds, model, cancellationToken));

    private async Task<CandidateBatch> GetCandidatesCoreAsync(IReadOnlyList<long> clipIds, ModelState model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        int embeddingDim = model.EmbeddingDim;
        int contextLength = model.ContextLength;
        var slots = Slots(clipIds);
        var clips = new CandidateClip?[slots.Count];
        var batch = CandidateBatch.Rent(slots.Count, embeddingDim, contextLength);
        byte[] blobBuffer = ArrayPool<byte>.Shared.Rent(1 + contextLength * sizeof(float));
        try
        {
            if (slots.Count == 0) return batch;
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = Command(connection,
                $"SELECT {ClipColumns}, c.embedding, x.context FROM clips c JOIN videos v ON v.id = c.video_id " +
                "JOIN clip_contexts x ON x.clip_id = c.id WHERE " + database.IdIn("c.id", "@ids") + ";",
                ("@ids", database.IdList(slots.Keys)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                CandidateClip clip = ReadClip(reader);
                int slot = slots[clip.ClipId];
                // Blobs are copied straight out of SQLite's row buffer into reused space, not into a new array per row.
                ReadOnlySpan<byte> embedding = Blob(reader, 9, ref blobBuffer);
                if (embedding.Length != embeddingDim * sizeof(float))
                    throw Mismatch(clip.ClipId, $"{embedding.Length / sizeof(float)} embedding values", model);
                MemoryMarshal.Cast<byte, float>(embedding).CopyTo(batch.EmbeddingRow(slot));
                ReadOnlySpan<byte> context = Blob(reader, 10, ref blobBuffer);
                if (ContextCodec.ValueCount(context) != contextLength)
                    throw Mismatch(clip.ClipId, $"{ContextCodec.ValueCount(context)} context values", model);
                ContextCodec.Decode(context, batch.ContextRow(slot));
                clips[slot] = clip;
            }
            Compact(clips, batch);
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(blobBuffer);
        }
    }

    private CatalogException Mismatch(long clipId, string found, ModelState model) =>
        new(_path, $"Clip {clipId} has {found}; the model needs {model.EmbeddingDim} embedding and {model.ContextLength} context values");

    /// <summary>The blob in column <paramref name="ordinal"/>, copied into <paramref name="buffer"/> (grown from the pool when short).</summary>
    private static ReadOnlySpan<byte> Blob(DbDataReader reader, int ordinal, ref byte[] buffer)
    {
        if (reader.IsDBNull(ordinal)) return [];
        int length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
        if (buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(length);
        }
        reader.GetBytes(ordinal, 0, buffer, 0, length);
        return buffer.AsSpan(0, length);
    }

    /// <summary>The clips with the given ids without their vectors, in the order given (missing ids left out).</summary>
    public Task<IReadOnlyList<CandidateClip>> GetClipsAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken) =>
        database.GuardAsync(() => GetClipsCoreAsync(clipIds, cancellationToken));

    private async Task<IReadOnlyList<CandidateClip>> GetClipsCoreAsync(IReadOnlyList<long> clipIds, CancellationToken cancellationToken)
    {
        var slots = Slots(clipIds);
        if (slots.Count == 0) return [];
        var clips = new CandidateClip?[slots.Count];
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection,
            $"SELECT {ClipColumns} FROM clips c JOIN videos v ON v.id = c.video_id " +
            "WHERE " + database.IdIn("c.id", "@ids") + ";", ("@ids", database.IdList(slots.Keys)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            CandidateClip clip = ReadClip(reader);
            clips[slots[clip.ClipId]] = clip;
        }
        return clips.OfType<CandidateClip>().ToList();
    }

    /// <summary>The stored embedding of one clip, or null when there is no such clip.</summary>
    public Task<float[]?> GetEmbeddingAsync(long clipId, CancellationToken cancellationToken) =>
        database.GuardAsync(() => GetEmbeddingCoreAsync(clipId, cancellationToken));

    private async Task<float[]?> GetEmbeddingCoreAsync(long clipId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "SELECT embedding FROM clips WHERE id = @id;", ("@id", clipId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] blob
            ? MemoryMarshal.Cast<byte, float>(blob).ToArray()
            : null;
    }

    /// <summary>The ids of every clip of one video, in time order (empty when there is no such video).</summary>
    public Task<IReadOnlyList<long>> GetClipIdsOfVideoAsync(long videoId, CancellationToken cancellationToken) =>
        database.GuardAsync(() => GetClipIdsOfVideoCoreAsync(videoId, cancellationToken));

    private async Task<IReadOnlyList<long>> GetClipIdsOfVideoCoreAsync(long videoId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "SELECT id FROM clips WHERE video_id = @video ORDER BY start_s, id;",
            ("@video", videoId));
        return await command.ReadLongsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Up to <paramref name="count"/> clip ids spread pseudo-randomly over the library, the same ones for the same
    /// clips: ordered by a multiplicative hash of the id (Knuth's), so the sample is neither the oldest nor one video's
    /// clips, and repeated searches are calibrated against the same background. SQLite keeps only the top
    /// <paramref name="count"/> while it scans, so the cost is one pass over the clip ids.
    /// </summary>
    public Task<IReadOnlyList<long>> GetSampleClipIdsAsync(int count, CancellationToken cancellationToken) =>
        database.GuardAsync(() => GetSampleClipIdsCoreAsync(count, cancellationToken));

    private async Task<IReadOnlyList<long>> GetSampleClipIdsCoreAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection,
            "SELECT id FROM clips ORDER BY (id * 2654435761) % 4294967296, id LIMIT @count;", ("@count", count));
        return await command.ReadLongsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of every clip whose video passes <paramref name="filters"/>.</summary>
    public Task<IReadOnlySet<long>> GetAllowedClipIdsAsync(ClipFilter filters, CancellationToken cancellationToken) =>
        database.GuardAsync(() => GetAllowedClipIdsCoreAsync(filters, cancellationToken));

    private async Task<IReadOnlySet<long>> GetAllowedClipIdsCoreAsync(ClipFilter filters, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = ClipFilterSql.Build(filters, paths);
        string where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, $"SELECT c.id FROM clips c JOIN videos v ON v.id = c.video_id{where};",
            parameters.ToArray());
        return (await command.ReadLongsAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
    }

    private static Dictionary<long, int> Slots(IReadOnlyList<long> clipIds)
    {
        ArgumentNullException.ThrowIfNull(clipIds);
        var slots = new Dictionary<long, int>(clipIds.Count);
        foreach (long id in clipIds) slots.TryAdd(id, slots.Count);
        return slots;
    }

    private CandidateClip ReadClip(DbDataReader reader) => new(reader.GetInt64(0), reader.GetInt64(1),
        paths.Resolve(reader.GetInt64(7), reader.GetString(8), reader.GetString(2)), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6) / 1_000_000));

    /// <summary>Closes the gaps left by ids no longer stored (a stale vector index), keeping request order.</summary>
    private static void Compact(CandidateClip?[] clips, CandidateBatch batch)
    {
        int found = 0;
        for (int slot = 0; slot < clips.Length; slot++)
        {
            if (clips[slot] is null) continue;
            if (found != slot)
            {
                clips[found] = clips[slot];
                batch.EmbeddingRow(slot).CopyTo(batch.EmbeddingRow(found));
                batch.ContextRow(slot).CopyTo(batch.ContextRow(found));
            }
            found++;
        }
        batch.SetClips(clips.Take(found).Select(c => c!).ToList());
    }

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        database.OpenConnectionAsync(cancellationToken);

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = CatalogCommand.Create(connection, sql);
        foreach (var (name, value) in parameters) command.With(name, value);
        return command;
    }
}
