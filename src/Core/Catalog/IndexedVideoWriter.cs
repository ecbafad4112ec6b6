using System.Data.Common;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Stores a video's indexing result: its clips, embeddings, contexts, thumbnails and preview strips replace the old ones and the
/// video becomes 'indexed', all in ONE transaction, so a crash at any moment leaves the whole video or none of it.
/// </summary>
public sealed class IndexedVideoWriter(CatalogDatabase database, LeaseOwner owner)
{
    /// <summary>
    /// Replaces the clips of <paramref name="videoId"/> with <paramref name="clips"/> and marks it indexed with its
    /// metadata and the current model. Returns the new clip ids (in the order given) and the removed ones.
    /// </summary>
    /// <exception cref="CatalogException">
    /// No such video, no model state set, or a clip does not fit the model (wrong dimensions, non-finite values,
    /// bad time range, duplicate index, thumbnail or preview not a JPEG). Nothing is changed then.
    /// </exception>
    public Task<CompletedVideo> CompleteVideoAsync(VideoId videoId, VideoMetadata metadata, IReadOnlyList<NewClip> clips,
        CancellationToken cancellationToken = default) =>
        CompleteVideoAsync(videoId, metadata, clips, XClipPrecision.Fp32, cancellationToken);

    /// <summary>
    /// Like <see cref="CompleteVideoAsync(VideoId, VideoMetadata, IReadOnlyList{NewClip}, CancellationToken)"/>, also
    /// recording that the clips were embedded in <paramref name="precision"/> (<see cref="VideoRecord.ModelPrecision"/>).
    /// </summary>
    /// <exception cref="CatalogException">As the overload without a precision.</exception>
    public async Task<CompletedVideo> CompleteVideoAsync(VideoId videoId, VideoMetadata metadata, IReadOnlyList<NewClip> clips,
        XClipPrecision precision, CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            string videoPath = await VideoPathAsync(connection, transaction, videoId, cancellationToken).ConfigureAwait(false);
            ModelState model = await ModelStateRepository.ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false)
                ?? throw new CatalogException(database.Location, "No model state is set; set it before storing clips");
            try
            {
                using var delete = CatalogCommand.Create(connection, "DELETE FROM clips WHERE video_id = @id RETURNING id;", transaction)
                    .With("@id", videoId.Value);
                List<long> removed = await delete.ReadLongsAsync(cancellationToken).ConfigureAwait(false);
                removed.Sort();

                var validator = new NewClipValidator(database.Location, model, videoPath);
                using var inserter = new ClipInserter(connection, transaction, videoId);
                var newIds = new List<long>(clips.Count);
                foreach (NewClip clip in clips)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    validator.Validate(clip);
                    newIds.Add(await inserter.InsertAsync(clip, cancellationToken).ConfigureAwait(false));
                }

                if (!await MarkIndexedAsync(connection, transaction, videoId, metadata, model, precision, cancellationToken).ConfigureAwait(false))
                    throw new VideoLeaseLostException(database.Location, videoId, videoPath);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new CompletedVideo(newIds, removed);
            }
            catch (DbException ex) when (!database.TryTranslate(ex, out _))
            {
                // What RunAsync does not translate (a constraint, say) is this video's failure; a damaged file or
                // a full disk passes on as such.
                throw new CatalogException(database.Location, $"Storing the clips of '{videoPath}' failed: {ex.Message}", ex);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> VideoPathAsync(DbConnection connection, DbTransaction transaction, VideoId id,
        CancellationToken cancellationToken)
    {
        using var command = CatalogCommand.Create(connection, "SELECT path FROM videos WHERE id = @id;", transaction)
            .With("@id", id.Value);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new CatalogException(database.Location, $"No video has id {id}");
    }

    /// <summary>Marks the video indexed unless another process holds its lease (it took the video over); false then.</summary>
    private async Task<bool> MarkIndexedAsync(DbConnection connection, DbTransaction transaction, VideoId id,
        VideoMetadata metadata, ModelState model, XClipPrecision precision, CancellationToken cancellationToken)
    {
        using var command = CatalogCommand.Create(connection,
                "UPDATE videos SET status = 'indexed', error_kind = NULL, error_text = NULL, duration_s = @duration, " +
                "fps = @fps, width = @width, height = @height, rotation = @rotation, video_codec = @vcodec, " +
                "audio_codec = @acodec, indexed_at_ms = @now, model_id = @model, model_revision = @revision, " +
                "model_precision = @precision, lease_owner = NULL, lease_expires_ms = NULL " +
                "WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @owner);", transaction)
            .With("@duration", metadata.DurationSeconds).With("@fps", metadata.FramesPerSecond)
            .With("@width", metadata.Width).With("@height", metadata.Height).With("@rotation", metadata.RotationDegrees)
            .With("@vcodec", metadata.VideoCodec).With("@acodec", metadata.AudioCodec).With("@now", CatalogCommand.NowMs())
            .With("@model", model.ModelId).With("@revision", model.Revision)
            .With("@precision", precision == XClipPrecision.Bf16 ? "bf16" : "fp32").With("@id", id.Value)
            .With("@owner", owner.Id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
