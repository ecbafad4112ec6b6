using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>The library's root folders.</summary>
public sealed class LibraryRootRepository(CatalogDatabase database)
{
    /// <summary>Adds the folder (stored as a full path without trailing separator) or returns the id it already has.</summary>
    public async Task<RootId> AddAsync(string path, CancellationToken cancellationToken = default)
    {
        string normalized = Normalize(path);
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    "INSERT INTO library_roots(path, added_at_ms) VALUES (@path, @now) " +
                    "ON CONFLICT(path) DO UPDATE SET path = excluded.path RETURNING id;")
                .With("@path", normalized).With("@now", CatalogCommand.NowMs());
            return new RootId(await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All roots, by path.</summary>
    public async Task<IReadOnlyList<LibraryRoot>> ListAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, "SELECT id, path, added_at_ms FROM library_roots ORDER BY path;");
            var roots = new List<LibraryRoot>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                roots.Add(new LibraryRoot(new RootId(reader.GetInt64(0)), reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
            return roots;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the root with all its videos and clips; returns the removed clip ids (to drop from the vector index).</summary>
    public async Task<IReadOnlyList<long>> RemoveAsync(RootId id, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            using var select = CatalogCommand.Create(connection,
                    "SELECT c.id FROM clips c JOIN videos v ON v.id = c.video_id WHERE v.root_id = @root ORDER BY c.id;",
                    transaction)
                .With("@root", id.Value);
            List<long> removed = await select.ReadLongsAsync(cancellationToken).ConfigureAwait(false);
            using var delete = CatalogCommand.Create(connection, "DELETE FROM library_roots WHERE id = @root;", transaction)
                .With("@root", id.Value);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
