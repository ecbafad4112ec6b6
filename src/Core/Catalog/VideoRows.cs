using System.Data.Common;
using VideoSearch.Core.Model;

namespace VideoSearch.Core.Catalog;

/// <summary>The column lists of video queries and the mapping of their rows to records.</summary>
internal static class VideoRows
{
    public const string FileStateColumns = "id, root_id, path, size, mtime_ns, fingerprint, status, error_kind, relative_path";

    public const string RecordColumns =
        FileStateColumns + ", duration_s, fps, width, " +
        "height, rotation, video_codec, audio_codec, error_text, indexed_at_ms, model_id, model_revision, model_precision";

    public static VideoFileState ReadFileState(DbDataReader row, LibraryRootPaths paths) => new(
        new VideoId(row.GetInt64(0)),
        new RootId(row.GetInt64(1)),
        paths.Resolve(row.GetInt64(1), row.GetString(8), row.GetString(2)),
        new FileIdentity(row.GetInt64(3), row.GetInt64(4), row.GetString(5)),
        VideoStatusNames.Parse(row.GetString(6)),
        NullableString(row, 7));

    public static VideoRecord ReadRecord(DbDataReader row, LibraryRootPaths paths)
    {
        VideoFileState state = ReadFileState(row, paths);
        VideoMetadata? metadata = row.IsDBNull(11) ? null : new VideoMetadata(
            NullableDouble(row, 9), NullableDouble(row, 10), row.GetInt32(11), row.GetInt32(12), row.GetInt32(13),
            NullableString(row, 14), NullableString(row, 15));
        DateTimeOffset? indexedAt = row.IsDBNull(17) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(17));
        return new VideoRecord(state.Id, state.RootId, row.GetString(8), state.Path, state.File, state.Status, metadata,
            state.ErrorKind, NullableString(row, 16), indexedAt, NullableString(row, 18), NullableString(row, 19),
            row.GetString(20) == "bf16" ? XClipPrecision.Bf16 : XClipPrecision.Fp32);
    }

    public static async Task<List<VideoFileState>> ReadFileStatesAsync(DbCommand command, LibraryRootPaths paths,
        CancellationToken cancellationToken)
    {
        var states = new List<VideoFileState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) states.Add(ReadFileState(reader, paths));
        return states;
    }

    private static double? NullableDouble(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetDouble(ordinal);

    private static string? NullableString(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
