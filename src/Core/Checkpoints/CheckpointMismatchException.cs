using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Checkpoints;

/// <summary>A checkpoint does not match the model: the message lists every missing, unexpected and mis-shaped key.</summary>
public sealed class CheckpointMismatchException : VideoSearchException
{
    /// <summary>Creates the exception for the checkpoint at <paramref name="path"/>.</summary>
    public CheckpointMismatchException(string path, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> mismatched)
        : base(ErrorKind.InvalidInput, Describe(path, missing, unexpected, mismatched))
    {
        FilePath = path;
        Missing = missing;
        Unexpected = unexpected;
        Mismatched = mismatched;
    }

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }

    /// <summary>Model keys the checkpoint lacks.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Checkpoint keys the model does not have.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>Keys present in both with different shapes or a non-float dtype, described as "key: checkpoint vs model".</summary>
    public IReadOnlyList<string> Mismatched { get; }

    private static string Describe(string path, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> mismatched)
    {
        var lines = new List<string>
        {
            $"Checkpoint '{path}' does not match the model: {missing.Count} missing, {unexpected.Count} unexpected, {mismatched.Count} mis-shaped keys.",
        };
        lines.AddRange(missing.Select(k => "  missing: " + k));
        lines.AddRange(unexpected.Select(k => "  unexpected: " + k));
        lines.AddRange(mismatched.Select(k => "  mis-shaped: " + k));
        return string.Join(Environment.NewLine, lines);
    }
}
