using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>Inserts one video's clips (row, context, thumbnail, preview strip) with commands prepared once and reused per clip.</summary>
internal sealed class ClipInserter : IDisposable
{
    private readonly DbCommand _clip;
    private readonly DbCommand _context;
    private readonly DbCommand _thumbnail;
    private readonly DbCommand _preview;

    public ClipInserter(DbConnection connection, DbTransaction transaction, VideoId videoId)
    {
        _clip = CatalogCommand.Create(connection,
                "INSERT INTO clips(video_id, clip_index, start_s, end_s, frame_times, embedding) " +
                "VALUES (@video, @index, @start, @end, @times, @embedding) RETURNING id;", transaction)
            .With("@video", videoId.Value).With("@index", 0).With("@start", 0.0).With("@end", 0.0)
            .With("@times", Array.Empty<byte>()).With("@embedding", Array.Empty<byte>());
        _context = CatalogCommand.Create(connection, "INSERT INTO clip_contexts(clip_id, context) VALUES (@id, @context);",
                transaction)
            .With("@id", 0L).With("@context", Array.Empty<byte>());
        _thumbnail = CatalogCommand.Create(connection, "INSERT INTO clip_thumbnails(clip_id, jpeg) VALUES (@id, @jpeg);",
                transaction)
            .With("@id", 0L).With("@jpeg", Array.Empty<byte>());
        _preview = CatalogCommand.Create(connection, "INSERT INTO clip_previews(clip_id, jpeg) VALUES (@id, @jpeg);",
                transaction)
            .With("@id", 0L).With("@jpeg", Array.Empty<byte>());
    }

    public async Task<long> InsertAsync(NewClip clip, CancellationToken cancellationToken)
    {
        _clip.Parameters["@index"].Value = clip.ClipIndex;
        _clip.Parameters["@start"].Value = clip.StartSeconds;
        _clip.Parameters["@end"].Value = clip.EndSeconds;
        _clip.Parameters["@times"].Value = FloatBlob.FromDoubles(clip.FrameTimes);
        _clip.Parameters["@embedding"].Value = FloatBlob.FromSingles(clip.Embedding);
        long id = await _clip.ScalarLongAsync(cancellationToken).ConfigureAwait(false);

        _context.Parameters["@id"].Value = id;
        _context.Parameters["@context"].Value = ContextCodec.Encode(clip.Context);
        await _context.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        _thumbnail.Parameters["@id"].Value = id;
        _thumbnail.Parameters["@jpeg"].Value = clip.ThumbnailJpeg;
        await _thumbnail.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        if (clip.PreviewJpeg is not null)
        {
            _preview.Parameters["@id"].Value = id;
            _preview.Parameters["@jpeg"].Value = clip.PreviewJpeg;
            await _preview.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return id;
    }

    public void Dispose()
    {
        _clip.Dispose();
        _context.Dispose();
        _thumbnail.Dispose();
        _preview.Dispose();
    }
}
