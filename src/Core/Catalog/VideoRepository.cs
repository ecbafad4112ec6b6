using System.Data.Common;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Video rows: lookups for the indexer's diff, and the small state changes (pending, failed, moved, removed).
/// Storing a video's clips is <see cref="IndexedVideoWriter"/>'s job.
/// </summary>
public sealed class VideoRepository(CatalogDatabase database, LeaseOwner owner, LibraryRootPaths paths)
{
    /// <summary>The video at <paramref name="path"/> (full path, compared exactly), or null.</summary>
    public async Task<VideoRecord?> GetByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, $"SELECT {VideoRows.RecordColumns} FROM videos WHERE path = @path;")
                .With("@path", paths.ToStored(path));
            return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The video with <paramref name="id"/>, or null.</summary>
    public async Task<VideoRecord?> GetAsync(VideoId id, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection, $"SELECT {VideoRows.RecordColumns} FROM videos WHERE id = @id;")
                .With("@id", id.Value);
            return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every video under the root with what the indexer compares against the file system, by path.</summary>
    public async Task<IReadOnlyList<VideoFileState>> ListUnderRootAsync(RootId root, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    $"SELECT {VideoRows.FileStateColumns} FROM videos WHERE root_id = @root ORDER BY path;")
                .With("@root", root.Value);
            return await VideoRows.ReadFileStatesAsync(command, paths, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Videos whose content fingerprint is <paramref name="fingerprint"/> (candidates for a moved file).</summary>
    public async Task<IReadOnlyList<VideoFileState>> FindByFingerprintAsync(string fingerprint,
        CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            using var command = CatalogCommand.Create(connection,
                    $"SELECT {VideoRows.FileStateColumns} FROM videos WHERE fingerprint = @fingerprint ORDER BY path;")
                .With("@fingerprint", fingerprint);
            return await VideoRows.ReadFileStatesAsync(command, paths, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the file at <paramref name="relativePath"/> under <paramref name="root"/> as pending (new, changed or
    /// retried), clearing any earlier error. Clips it already has stay searchable until
    /// <see cref="IndexedVideoWriter.CompleteVideoAsync(VideoId, VideoMetadata, IReadOnlyList{NewClip}, XClipPrecision, CancellationToken)"/> replaces them in one transaction.
    /// </summary>
    /// <exception cref="CatalogException">The root does not exist.</exception>
    public async Task<VideoId> BeginVideoAsync(RootId root, string relativePath, FileIdentity file,
        CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            string path = await FullPathAsync(connection, transaction, root, relativePath, cancellationToken).ConfigureAwait(false);
            using var command = CatalogCommand.Create(connection,
                    "INSERT INTO videos(root_id, relative_path, path, size, mtime_ns, fingerprint, status) " +
                    "VALUES (@root, @relative, @path, @size, @mtime, @fingerprint, 'pending') " +
                    "ON CONFLICT(path) DO UPDATE SET root_id = excluded.root_id, relative_path = excluded.relative_path, " +
                    "size = excluded.size, mtime_ns = excluded.mtime_ns, fingerprint = excluded.fingerprint, " +
                    "status = 'pending', error_kind = NULL, error_text = NULL, lease_owner = NULL, lease_expires_ms = NULL RETURNING id;", transaction)
                .With("@root", root.Value).With("@relative", relativePath).With("@path", path)
                .With("@size", file.Size).With("@mtime", file.ModifiedUnixNs).With("@fingerprint", file.Fingerprint);
            var id = new VideoId(await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return id;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the video failed with its reason and the file identity it failed on (so a failure caused by the file
    /// is not retried until the file changes), deleting any clips of an earlier version. Returns the removed clip ids.
    /// </summary>
    /// <exception cref="CatalogException">No video has this id.</exception>
    public async Task<IReadOnlyList<long>> FailVideoAsync(VideoId id, string errorKind, string errorText, FileIdentity file,
        CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            List<long> removed = await DeleteClipsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            using var command = CatalogCommand.Create(connection,
                    "UPDATE videos SET status = 'failed', error_kind = @kind, error_text = @text, size = @size, " +
                    "mtime_ns = @mtime, fingerprint = @fingerprint, indexed_at_ms = NULL, model_id = NULL, " +
                    "model_revision = NULL, lease_owner = NULL, lease_expires_ms = NULL " +
                    "WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @owner);", transaction)
                .With("@kind", errorKind).With("@text", errorText).With("@size", file.Size)
                .With("@mtime", file.ModifiedUnixNs).With("@fingerprint", file.Fingerprint).With("@id", id.Value)
                .With("@owner", owner.Id);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                if (await ExistsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false))
                    throw new VideoLeaseLostException(database.Location, id, $"video {id}");
                throw new CatalogException(database.Location, $"No video has id {id}");
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the video and its clips (the file is gone); returns the removed clip ids.</summary>
    /// <exception cref="CatalogException">No video has this id.</exception>
    public async Task<IReadOnlyList<long>> RemoveVideoAsync(VideoId id, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            List<long> removed = await DeleteClipsAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            using var command = CatalogCommand.Create(connection, "DELETE FROM videos WHERE id = @id;", transaction)
                .With("@id", id.Value);
            await ExpectOneRowAsync(command, id, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points the video (and so its clips, which are kept) at its new location.</summary>
    /// <exception cref="CatalogException">No such video or root, or another video already has the new path.</exception>
    public async Task MoveVideoAsync(VideoId id, RootId newRoot, string newRelativePath,
        CancellationToken cancellationToken = default)
    {
        await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            string path = await FullPathAsync(connection, transaction, newRoot, newRelativePath, cancellationToken)
                .ConfigureAwait(false);
            using var command = CatalogCommand.Create(connection,
                    "UPDATE videos SET root_id = @root, relative_path = @relative, path = @path WHERE id = @id;", transaction)
                .With("@root", newRoot.Value).With("@relative", newRelativePath).With("@path", path).With("@id", id.Value);
            try
            {
                await ExpectOneRowAsync(command, id, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex) when (database.IsUniqueViolation(ex))
            {
                throw new CatalogException(database.Location, $"Cannot move video {id} to '{path}': another video has that path", ex);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FullPathAsync(DbConnection connection, DbTransaction transaction, RootId root,
        string relativePath, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(relativePath) || Path.IsPathRooted(relativePath))
            throw new CatalogException(database.Location, $"'{relativePath}' is not a path relative to a library root");
        using var command = CatalogCommand.Create(connection, "SELECT path FROM library_roots WHERE id = @root;", transaction)
            .With("@root", root.Value);
        object? rootPath = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return rootPath is string text
            ? Path.Join(text, relativePath)
            : throw new CatalogException(database.Location, $"No library root has id {root}");
    }

    private static async Task<List<long>> DeleteClipsAsync(DbConnection connection, DbTransaction transaction,
        VideoId id, CancellationToken cancellationToken)
    {
        using var delete = CatalogCommand.Create(connection, "DELETE FROM clips WHERE video_id = @id RETURNING id;", transaction)
            .With("@id", id.Value);
        List<long> removed = await delete.ReadLongsAsync(cancellationToken).ConfigureAwait(false);
        removed.Sort();
        return removed;
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction transaction, VideoId id,
        CancellationToken cancellationToken)
    {
        using var command = CatalogCommand.Create(connection, "SELECT count(*) FROM videos WHERE id = @id;", transaction)
            .With("@id", id.Value);
        return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private async Task ExpectOneRowAsync(DbCommand command, VideoId id, CancellationToken cancellationToken)
    {
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            throw new CatalogException(database.Location, $"No video has id {id}");
    }

    private async Task<VideoRecord?> ReadSingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? VideoRows.ReadRecord(reader, paths) : null;
    }
}
