using System.Text.Json;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Reads a training rows file: JSON Lines, one <c>{"video", "start", "end", "caption"}</c> object per line, blank lines
/// ignored. A relative video path is relative to the file's folder, so a data set moves as one folder. Every problem
/// is a <see cref="TrainingDataException"/> naming the file and the line, found before any video is decoded.
/// </summary>
public static class TrainingRowsReader
{
    /// <summary>The longest caption accepted, in characters (the text model reads at most 77 tokens anyway).</summary>
    public const int MaxCaptionLength = 1000;

    /// <summary>Reads every row of <paramref name="path"/>; the file must hold at least one.</summary>
    public static IReadOnlyList<TrainingRow> Read(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new TrainingDataException($"No such rows file: {full}");
        string folder = Path.GetDirectoryName(full)!;
        var rows = new List<TrainingRow>();
        int number = 0;
        foreach (string line in File.ReadLines(full))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            rows.Add(Parse(line, folder, $"{full}:{number}"));
        }
        if (rows.Count == 0) throw new TrainingDataException($"{full} holds no rows.");
        return rows;
    }

    private static TrainingRow Parse(string line, string folder, string where)
    {
        JsonElement row;
        try { row = JsonDocument.Parse(line).RootElement.Clone(); }
        catch (JsonException e) { throw new TrainingDataException($"{where}: not a JSON object ({e.Message}).", e); }
        if (row.ValueKind != JsonValueKind.Object) throw new TrainingDataException($"{where}: not a JSON object.");

        string video = Text(row, "video", where);
        string caption = Text(row, "caption", where).Trim();
        if (caption.Length == 0 || caption.Length > MaxCaptionLength)
            throw new TrainingDataException($"{where}: \"caption\" must hold 1..{MaxCaptionLength} characters.");
        double start = Seconds(row, "start", where), end = Seconds(row, "end", where);
        if (start < 0 || end <= start) throw new TrainingDataException($"{where}: needs 0 <= start < end, got start {start} and end {end}.");
        if (video.IndexOf('\0') >= 0) throw new TrainingDataException($"{where}: \"video\" holds a NUL character.");
        return new TrainingRow(Path.GetFullPath(Path.Combine(folder, video)), start, end, caption);
    }

    private static string Text(JsonElement row, string name, string where) =>
        row.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new TrainingDataException($"{where}: \"{name}\" must be a non-empty string.");

    private static double Seconds(JsonElement row, string name, string where) =>
        row.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number
            && value.GetDouble() is var seconds && double.IsFinite(seconds)
            ? seconds
            : throw new TrainingDataException($"{where}: \"{name}\" must be a number of seconds.");
}
