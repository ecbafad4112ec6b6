using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>Reads of the indexed library for browsing: a filtered, paged listing and the paths of every indexed video.</summary>
public sealed class LibraryQuery(CatalogDatabase database, LibraryRootPaths paths)
{
    // The middle clip rather than the first: a video's first frames are often black or a title card.
    private const string ThumbnailClip =
        "(SELECT c.id FROM clips c JOIN clip_thumbnails t ON t.clip_id = c.id WHERE c.video_id = v.id " +
        "ORDER BY abs((c.start_s + c.end_s) / 2 - coalesce(v.duration_s, 0) / 2), c.id LIMIT 1)";

    /// <summary>
    /// The indexed videos that pass <paramref name="filters"/>, newest modified first (ties by id, so pages never
    /// overlap), skipping <paramref name="offset"/> and taking at most <paramref name="limit"/>, with the total count
    /// read in the same snapshot.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is negative or the limit is not positive.</exception>
    public async Task<LibraryPage> ListAsync(ClipFilter filters, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var (conditions, parameters) = ClipFilterSql.Build(filters, paths);
        conditions.Insert(0, "v.status = 'indexed'");
        string where = " WHERE " + string.Join(" AND ", conditions);
        return await database.RunAsync(async connection =>
        {
            // One read transaction, so the count and the page agree while the indexer writes.
            await using DbTransaction transaction = await database.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
            using var count = Command(connection, transaction, $"SELECT count(*) FROM videos v{where};", parameters);
            int total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
            using var page = Command(connection, transaction,
                    "SELECT v.id, v.path, coalesce(v.duration_s, 0), coalesce(v.width, 0), coalesce(v.height, 0), v.mtime_ns, " +
                    $"{ThumbnailClip}, v.root_id, v.relative_path FROM videos v{where} ORDER BY v.mtime_ns DESC, v.id LIMIT @limit OFFSET @offset;", parameters)
                .With("@limit", limit).With("@offset", offset);
            var videos = new List<LibraryVideo>();
            await using (var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    videos.Add(new LibraryVideo(new VideoId(reader.GetInt64(0)),
                        paths.Resolve(reader.GetInt64(7), reader.GetString(8), reader.GetString(1)), reader.GetDouble(2),
                        reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
                }
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new LibraryPage(total, videos);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full path of every indexed video, in path order.</summary>
    public async Task<IReadOnlyList<string>> ListIndexedPathsAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, "SELECT path, root_id, relative_path FROM videos WHERE status = 'indexed' ORDER BY path;");
            var indexed = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) indexed.Add(paths.Resolve(reader.GetInt64(1), reader.GetString(2), reader.GetString(0)));
            return (IReadOnlyList<string>)indexed;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql,
        List<(string Name, object Value)> parameters)
    {
        var command = CatalogCommand.Create(connection, sql, transaction);
        foreach (var (name, value) in parameters) command.With(name, value);
        return command;
    }
}
