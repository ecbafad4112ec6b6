using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The library's root folders. Each has a unique name (by default the folder's own name) by which machines that
/// mount it at different paths name the same root (see <see cref="LibraryRootPaths"/>).
/// </summary>
public sealed class LibraryRootRepository(CatalogDatabase database, LibraryRootPaths paths)
{
    /// <summary>
    /// Adds the folder (stored as a full path without trailing separator) or returns the id it already has. A new root
    /// is named after its folder; in a SQLite catalog a name already taken gets a number added.
    /// </summary>
    /// <exception cref="CatalogException">
    /// The catalog is shared and already has a root of that name elsewhere: it may be this folder mounted at another
    /// path, so the caller must say which (<see cref="AddAsync(string, string?, CancellationToken)"/>).
    /// </exception>
    public Task<RootId> AddAsync(string path, CancellationToken cancellationToken = default) => AddAsync(path, null, cancellationToken);

    /// <summary>
    /// Adds the folder as the root <paramref name="name"/>, or, when a root has that name already, maps it to this folder
    /// on this machine (the same root mounted here at another path). Without a name it behaves as
    /// <see cref="AddAsync(string, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="CatalogException">The name is not usable, or the folder is already a root of another name.</exception>
    public async Task<RootId> AddAsync(string path, string? name, CancellationToken cancellationToken = default)
    {
        string normalized = Normalize(path);
        if (name is not null) CheckName(name);
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            LibraryRoot? atPath = await FindAsync(connection, transaction, "path", normalized, cancellationToken).ConfigureAwait(false);
            if (atPath is not null && (name is null || name == atPath.Name)) return atPath.Id;
            if (atPath is not null)
                throw new CatalogException(database.Location,
                    $"'{normalized}' is already the library root '{atPath.Name}', not '{name}'");
            string wanted = name ?? DefaultName(normalized);
            LibraryRoot? named = await FindAsync(connection, transaction, "name", wanted, cancellationToken).ConfigureAwait(false);
            if (named is not null && name is not null)
            {
                paths.Map(named.Id, named.StoredPath, normalized);
                return named.Id;
            }
            if (named is not null && database.IsShared)
                throw new CatalogException(database.Location,
                    $"The catalog already has a root named '{wanted}', at '{named.StoredPath}'. If '{normalized}' is that folder " +
                    $"mounted on this machine, name it: {wanted}={normalized}; if it is another folder, give it a name of its own: " +
                    $"NAME={normalized}");
            if (named is not null) wanted = await FreeNameAsync(connection, transaction, wanted, cancellationToken).ConfigureAwait(false);
            using var insert = CatalogCommand.Create(connection,
                    "INSERT INTO library_roots(path, name, added_at_ms) VALUES (@path, @name, @now) RETURNING id;", transaction)
                .With("@path", normalized).With("@name", wanted).With("@now", CatalogCommand.NowMs());
            var id = new RootId(await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return id;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Maps the existing root <paramref name="name"/> to <paramref name="localPath"/> on this machine (a search node's roots).</summary>
    /// <exception cref="CatalogException">The catalog has no root of that name.</exception>
    public async Task<RootId> MapAsync(string name, string localPath, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        string normalized = Normalize(localPath);
        LibraryRoot root = await database.RunAsync(async connection =>
            await FindAsync(connection, null, "name", name, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            ?? throw new CatalogException(database.Location,
                $"The catalog has no library root named '{name}' (its roots: {string.Join(", ", (await ListAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Name))})");
        paths.Map(root.Id, root.StoredPath, normalized);
        return root.Id;
    }

    /// <summary>All roots, by path, with this machine's path for each.</summary>
    public async Task<IReadOnlyList<LibraryRoot>> ListAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, $"SELECT {Columns} FROM library_roots ORDER BY path;");
            var roots = new List<LibraryRoot>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) roots.Add(Read(reader));
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

    private const string Columns = "id, path, added_at_ms, coalesce(name, '')";

    private LibraryRoot Read(DbDataReader reader)
    {
        long id = reader.GetInt64(0);
        string stored = reader.GetString(1);
        return new LibraryRoot(new RootId(id), paths.ResolveRoot(id, stored), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
        {
            Name = reader.GetString(3),
            StoredPath = stored,
        };
    }

    private async Task<LibraryRoot?> FindAsync(DbConnection connection, DbTransaction? transaction, string column, string value,
        CancellationToken cancellationToken)
    {
        using var command = CatalogCommand.Create(connection, $"SELECT {Columns} FROM library_roots WHERE {column} = @value;", transaction)
            .With("@value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>The first of name-2, name-3, ... no root has.</summary>
    private static async Task<string> FreeNameAsync(DbConnection connection, DbTransaction transaction, string name,
        CancellationToken cancellationToken)
    {
        for (int n = 2; ; n++)
        {
            string candidate = $"{name}-{n}";
            using var command = CatalogCommand.Create(connection, "SELECT count(*) FROM library_roots WHERE name = @name;", transaction)
                .With("@name", candidate);
            if (await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false) == 0) return candidate;
        }
    }

    /// <summary>The folder's own name, or "root" for a file-system root.</summary>
    private static string DefaultName(string normalizedPath) =>
        Path.GetFileName(normalizedPath) is { Length: > 0 } folder ? folder : "root";

    private void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains('\\') || name.Contains('=') || name.Length > 200)
            throw new CatalogException(database.Location,
                $"'{name}' is not a usable library root name: it must be non-empty, at most 200 characters, without '/', '\\' or '='");
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
