using VideoSearch.Core.Errors;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Evaluation;

/// <summary>
/// The rows' videos, and only those, copied into one folder for the indexer to scan: their own folders may hold other
/// videos (the fixture media folder does), and links out of a root are refused by the scanner. Each copy is named
/// <c>NNNN-&lt;file name&gt;</c>, so videos of the same name in different folders stay apart.
/// </summary>
internal sealed class EvaluationMedia
{
    private readonly Dictionary<string, string> _sourceOfCopy;

    private EvaluationMedia(string root, Dictionary<string, string> sourceOfCopy)
    {
        Root = root;
        _sourceOfCopy = sourceOfCopy;
    }

    /// <summary>The folder the copies are in: the indexer's one root.</summary>
    public string Root { get; }

    /// <summary>How many videos were copied.</summary>
    public int Count => _sourceOfCopy.Count;

    /// <summary>Copies each distinct video of <paramref name="rows"/> into <paramref name="root"/> (created).</summary>
    public static EvaluationMedia Copy(IReadOnlyList<TrainingRow> rows, string root)
    {
        string fullRoot = Path.GetFullPath(root);
        Directory.CreateDirectory(fullRoot);
        var sourceOfCopy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string video, int i) in rows.Select(r => r.Video).Distinct(StringComparer.Ordinal).Select((v, i) => (v, i)))
        {
            string copy = Path.Combine(fullRoot, $"{i:D4}-{Path.GetFileName(video)}");
            File.Copy(video, copy);
            sourceOfCopy[copy] = video;
        }
        return new EvaluationMedia(fullRoot, sourceOfCopy);
    }

    /// <summary>The rows file's video behind an indexed copy's path.</summary>
    /// <exception cref="QualityEvaluationException">The path is no copy of this set (the library holds something else).</exception>
    public string SourceOf(string indexedPath) =>
        _sourceOfCopy.TryGetValue(indexedPath, out string? source)
            ? source
            : throw new QualityEvaluationException(ErrorKind.Failed, $"The search returned {indexedPath}, which is not one of the rows' videos.");
}
