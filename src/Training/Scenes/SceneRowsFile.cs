using System.Text;
using System.Text.Json;

namespace VideoSearch.Training.Scenes;

/// <summary>Writes and reads a split's rows as JSON Lines (one <see cref="SceneRow"/> object per line, UTF-8, '\n').</summary>
public static class SceneRowsFile
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> through a temporary file, so a reader never sees half a file.</summary>
    public static async Task WriteAsync(string path, IEnumerable<SceneRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string partial = path + SceneSetLayout.PartialSuffix;
        var text = new StringBuilder();
        foreach (SceneRow row in rows) text.Append(JsonSerializer.Serialize(row)).Append('\n');
        await File.WriteAllTextAsync(partial, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The rows of the JSON Lines file at <paramref name="path"/> (blank lines skipped).</summary>
    public static async Task<IReadOnlyList<SceneRow>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var rows = new List<SceneRow>();
        int number = 0;
        foreach (string line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (line.Length == 0) continue;
            rows.Add(JsonSerializer.Deserialize<SceneRow>(line)
                ?? throw new InvalidDataException($"{path}:{number} is not a row object."));
        }
        return rows;
    }
}
