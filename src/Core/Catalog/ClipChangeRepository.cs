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
