using System.Text;
using System.Text.Json;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Errors;

namespace VideoSearch.Training.Rows;

/// <summary>
/// Reads and writes a rows file, the one format for fine-tuning data, scene sets and quality evaluation: JSON Lines, one <c>{"video", "start", "end", "caption"}</c> object per line, the video's path
/// relative to the file's folder (or absolute). Blank lines are skipped; anything else that is not a valid row is an
/// error naming its line, since a silently dropped scene would change every figure computed from the file.
/// </summary>
public static class TrainingRowsFile
{
    /// <summary>The longest caption accepted, in characters (the text model reads at most 77 tokens of it anyway).</summary>
    public const int MaxCaptionLength = 1000;

    private sealed record RawRow(string? Video, double? Start, double? End, string? Caption);

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The rows of <paramref name="path"/>, in file order, with video paths made absolute.</summary>
    /// <exception cref="RowsFileException">The file or a named video is missing, a line is not a row, or there are no rows.</exception>
    public static IReadOnlyList<TrainingRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string file = Path.GetFullPath(path);
        if (!File.Exists(file)) throw new RowsFileException(ErrorKind.NotFound, $"Rows file not found: {file}");
        string folder = Path.GetDirectoryName(file)!;
        var rows = new List<TrainingRow>();
        int number = 0;
        foreach (string line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            rows.Add(Parse(line, folder, $"{file}:{number}"));
        }
        if (rows.Count == 0) throw new RowsFileException(ErrorKind.InvalidInput, $"The rows file {file} holds no rows.");
        foreach (string video in rows.Select(r => r.Video).Distinct(StringComparer.Ordinal))
            if (!File.Exists(video)) throw new RowsFileException(ErrorKind.NotFound, $"Video not found: {video} (named in {file}).");
        return rows;
    }

    private static TrainingRow Parse(string line, string folder, string where)
    {
        RawRow? raw;
        try
        {
            raw = JsonSerializer.Deserialize<RawRow>(line, s_json);
        }
        catch (JsonException e)
        {
            throw new RowsFileException(ErrorKind.InvalidInput, $"{where}: not a JSON row ({e.Message}).");
        }
        if (raw is not { Video: { Length: > 0 } video, Start: { } start, End: { } end, Caption: { } caption })
            throw new RowsFileException(ErrorKind.InvalidInput, $"{where}: a row needs \"video\", \"start\", \"end\" and \"caption\".");
        if (!double.IsFinite(start) || !double.IsFinite(end) || start < 0 || end <= start)
            throw new RowsFileException(ErrorKind.InvalidInput, $"{where}: the scene must satisfy 0 <= start < end (is {start} .. {end}).");
        caption = caption.Trim();
        if (caption.Length is 0 or > MaxCaptionLength)
            throw new RowsFileException(ErrorKind.InvalidInput, $"{where}: the caption must hold 1..{MaxCaptionLength} characters.");
        if (video.Contains('\0')) throw new RowsFileException(ErrorKind.InvalidInput, $"{where}: the video path holds a NUL character.");
        return new TrainingRow(Path.GetFullPath(Path.Combine(folder, video)), start, end, caption);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> (video paths as they should appear: relative to the file's folder, with '/') to
    /// <paramref name="path"/> atomically (<see cref="AtomicFile"/>), so a reader never sees half a file.
    /// </summary>
    public static void Write(string path, IEnumerable<TrainingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (TrainingRow row in rows)
            text.Append(JsonSerializer.Serialize(new RawRow(row.Video, row.Start, row.End, row.Caption), s_json)).Append('\n');
        AtomicFile.Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text.ToString())));
    }
}
