using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// A checkpoint does not match the model: the message lists every missing, unexpected and mis-shaped key and every key
/// whose dtype the model cannot take, each on its own labelled line, so a dtype difference is never reported as a shape
/// difference.
/// </summary>
public sealed class CheckpointMismatchException : VideoSearchException
{
    /// <summary>Creates the exception for the checkpoint at <paramref name="path"/>.</summary>
    public CheckpointMismatchException(string path, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> mismatched, IReadOnlyList<string>? wrongDType = null)
        : base(ErrorKind.InvalidInput, Describe(path, missing, unexpected, mismatched, wrongDType ?? []))
    {
        FilePath = path;
        Missing = missing;
        Unexpected = unexpected;
        Mismatched = mismatched;
        WrongDType = wrongDType ?? [];
    }

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }

    /// <summary>Model keys the checkpoint lacks.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Checkpoint keys the model does not have.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>Keys present in both with different shapes, described as "key: checkpoint [shape] vs model [shape]".</summary>
    public IReadOnlyList<string> Mismatched { get; }

    /// <summary>
    /// Keys present in both whose stored dtype is not a float type, described as
    /// "key: dtype I32, the model needs a float (F32, F16 or BF16)".
    /// </summary>
    public IReadOnlyList<string> WrongDType { get; }

    private static string Describe(string path, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> mismatched, IReadOnlyList<string> wrongDType)
    {
        var lines = new List<string>
        {
            $"Checkpoint '{path}' does not match the model: {missing.Count} missing, {unexpected.Count} unexpected, " +
            $"{mismatched.Count} mis-shaped, {wrongDType.Count} wrong-dtype keys.",
        };
        lines.AddRange(missing.Select(k => "  missing: " + k));
        lines.AddRange(unexpected.Select(k => "  unexpected: " + k));
        lines.AddRange(mismatched.Select(k => "  mis-shaped: " + k));
        lines.AddRange(wrongDType.Select(k => "  wrong dtype: " + k));
        return string.Join(Environment.NewLine, lines);
    }
}
