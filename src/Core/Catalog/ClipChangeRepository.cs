using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The change sequence: every clip added or removed, numbered in commit order (triggers write it, see version 4 of
/// <see cref="CatalogMigrations"/>). A search node remembers the last number it applied and reads on from there.
/// </summary>
public sealed class ClipChangeRepository(CatalogDatabase database)
{
    /// <summary>The number of the last change, 0 when there is none.</summary>
    public async Task<long> LatestAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, "SELECT coalesce(max(seq), 0) FROM clip_changes;");
            return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the sequence against the clips: a clip with no change that added it, or a clip whose last change added it
    /// but that is gone, would leave a search node following the sequence out of step with the catalog.
    /// </summary>
    public async Task<(long ClipsNeverAdded, long RemovedClipsStillAdded)> CheckAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
            using var neverAdded = CatalogCommand.Create(connection,
                "SELECT count(*) FROM clips c WHERE NOT EXISTS (SELECT 1 FROM clip_changes x WHERE x.clip_id = c.id AND x.added = @added);",
                transaction).With("@added", true);
            long missing = await neverAdded.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
            using var stillAdded = CatalogCommand.Create(connection,
                "SELECT count(*) FROM clip_changes x WHERE x.added = @added AND NOT EXISTS (SELECT 1 FROM clips c WHERE c.id = x.clip_id) " +
                "AND NOT EXISTS (SELECT 1 FROM clip_changes y WHERE y.clip_id = x.clip_id AND y.seq > x.seq);", transaction).With("@added", true);
            long ghosts = await stillAdded.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (missing, ghosts);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="limit"/> changes numbered after <paramref name="after"/>, in order.</summary>
    public async Task<IReadOnlyList<ClipChange>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    "SELECT seq, clip_id, added FROM clip_changes WHERE seq > @after ORDER BY seq LIMIT @limit;")
                .With("@after", after).With("@limit", limit);
            var changes = new List<ClipChange>();
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                changes.Add(new ClipChange(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
            return (IReadOnlyList<ClipChange>)changes;
        }, cancellationToken).ConfigureAwait(false);
    }
}
