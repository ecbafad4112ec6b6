using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Leases on pending videos, so that several indexers (processes, machines) share a library's work and each video is
/// indexed by one of them. A claim takes the first free pending video under the given roots (<c>FOR UPDATE SKIP
/// LOCKED</c> in PostgreSQL, so concurrent claimers never wait on or take the same row) and leases it until the
/// database's clock passes the lease's end; the holder renews its leases while it works, and storing the video's
/// clips or its failure ends the lease. A holder that dies stops renewing, and another takes the video once the
/// lease has run out. A SQLite catalog has one writer, so a lease another owner holds there is a dead process's and is
/// free at once; the process's own leases still keep it from claiming a video it is working on a second time.
/// </summary>
public sealed class VideoClaimRepository(CatalogDatabase database, LeaseOwner owner)
{
    /// <summary>The owner this process's leases are held as.</summary>
    public LeaseOwner Owner { get; } = owner;

    private string Free => database.IsShared
        ? $"(lease_owner IS NULL OR lease_expires_ms < {database.NowMs})"
        : "(lease_owner IS NULL OR lease_owner <> @owner)";

    /// <summary>Claims the next pending video under <paramref name="roots"/> (by path) for <paramref name="lease"/>, or returns null.</summary>
    /// <remarks>
    /// Null can also mean that the one candidate was claimed by another process in the same instant; ask
    /// <see cref="OutlookAsync"/> before concluding there is nothing left.
    /// </remarks>
    public async Task<ClaimedVideo?> ClaimNextAsync(IReadOnlyCollection<RootId> roots, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (roots.Count == 0) return null;
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    $"UPDATE videos SET lease_owner = @owner, lease_expires_ms = {database.NowMs} + @lease WHERE id = (" +
                    $"SELECT id FROM videos WHERE status = 'pending' AND {database.IdIn("root_id", "@roots")} AND {Free} " +
                    $"ORDER BY path LIMIT 1{database.SkipLocked}) " +
                    "RETURNING id, root_id, relative_path, size, mtime_ns, fingerprint;")
                .With("@owner", Owner.Id).With("@lease", (long)lease.TotalMilliseconds)
                .With("@roots", database.IdList(roots.Select(r => r.Value)));
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return new ClaimedVideo(new VideoId(reader.GetInt64(0)), new RootId(reader.GetInt64(1)), reader.GetString(2),
                new FileIdentity(reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5)));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts the pending videos under <paramref name="roots"/> that are free to claim, and those leased by others.</summary>
    public async Task<ClaimOutlook> OutlookAsync(IReadOnlyCollection<RootId> roots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (roots.Count == 0) return default;
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    $"SELECT coalesce(sum(CASE WHEN {Free} THEN 1 ELSE 0 END), 0), " +
                    $"coalesce(sum(CASE WHEN {Free} OR lease_owner = @owner THEN 0 ELSE 1 END), 0) " +
                    $"FROM videos WHERE status = 'pending' AND {database.IdIn("root_id", "@roots")};")
                .With("@owner", Owner.Id).With("@roots", database.IdList(roots.Select(r => r.Value)));
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new ClaimOutlook(checked((int)Convert.ToInt64(reader.GetValue(0))), checked((int)Convert.ToInt64(reader.GetValue(1))));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Extends every lease this process holds by <paramref name="lease"/> from now; returns how many it holds.</summary>
    public async Task<int> RenewAsync(TimeSpan lease, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    $"UPDATE videos SET lease_expires_ms = {database.NowMs} + @lease WHERE lease_owner = @owner AND status = 'pending';")
                .With("@owner", Owner.Id).With("@lease", (long)lease.TotalMilliseconds);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives back every lease this process still holds (it stops), so others need not wait for them to run out.</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    "UPDATE videos SET lease_owner = NULL, lease_expires_ms = NULL WHERE lease_owner = @owner;")
                .With("@owner", Owner.Id);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
