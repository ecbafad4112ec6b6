using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Checkpoints;

/// <summary>A model folder does not have the layout transformers' <c>save_pretrained</c> writes; the message lists every
/// problem, one per line.</summary>
public sealed class ModelFolderLayoutException : VideoSearchException
{
    /// <summary>Creates the exception for <paramref name="folder"/> with its <paramref name="problems"/>.</summary>
    public ModelFolderLayoutException(string folder, IReadOnlyList<string> problems)
        : base(ErrorKind.InvalidInput,
            $"Model folder '{folder}' is not in the Hugging Face layout ({problems.Count} problems):" + Environment.NewLine +
            string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Folder = folder;
        Problems = problems;
    }

    /// <summary>The folder checked.</summary>
    public string Folder { get; }

    /// <summary>Each problem found, described with the key or value concerned.</summary>
    public IReadOnlyList<string> Problems { get; }
}
