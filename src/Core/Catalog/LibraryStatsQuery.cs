using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>Counts over the library for the status page and the CLI.</summary>
public sealed class LibraryStatsQuery(CatalogDatabase database, LibraryRootPaths paths)
{
    /// <summary>Videos by status, the clip count, and the failed videos with their reasons, read in one snapshot.</summary>
    public async Task<LibraryStats> GetAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            // A read transaction so counts and the failure list come from the same snapshot while the indexer writes.
            await using DbTransaction transaction = await database.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
            int pending = 0, indexed = 0, failed = 0;
            using (var counts = CatalogCommand.Create(connection, "SELECT status, count(*) FROM videos GROUP BY status;", transaction))
            await using (var reader = await counts.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    int count = checked((int)reader.GetInt64(1));
                    switch (VideoStatusNames.Parse(reader.GetString(0)))
                    {
                        case VideoStatus.Pending: pending = count; break;
                        case VideoStatus.Indexed: indexed = count; break;
                        case VideoStatus.Failed: failed = count; break;
                    }
                }
            }

            using var clipCount = CatalogCommand.Create(connection, "SELECT count(*) FROM clips;", transaction);
            long clips = await clipCount.ScalarLongAsync(cancellationToken).ConfigureAwait(false);

            var failures = new List<FailedVideo>();
            using (var list = CatalogCommand.Create(connection,
                       "SELECT id, path, coalesce(error_kind, ''), coalesce(error_text, ''), root_id, relative_path FROM videos " +
                       "WHERE status = 'failed' ORDER BY path;", transaction))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    failures.Add(new FailedVideo(new VideoId(reader.GetInt64(0)),
                        paths.Resolve(reader.GetInt64(4), reader.GetString(5), reader.GetString(1)), reader.GetString(2),
                        reader.GetString(3)));
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new LibraryStats(pending, indexed, failed, clips, failures);
        }, cancellationToken).ConfigureAwait(false);
    }
}
