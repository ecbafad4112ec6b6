using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Checkpoints;

/// <summary>A model folder is to be written where a folder already exists and replacing it was not asked for, or the
/// folder there is not a model folder (so replacing it could delete someone's files).</summary>
public sealed class ModelFolderExistsException : VideoSearchException
{
    /// <summary>Creates the exception for <paramref name="folder"/>.</summary>
    public ModelFolderExistsException(string folder, bool isModelFolder)
        : base(ErrorKind.InvalidInput, isModelFolder
            ? $"'{folder}' already holds a model: choose another output folder or ask for it to be replaced."
            : $"'{folder}' exists and is not a model folder (it has files but no config.json): choose another output folder.")
    {
        Folder = folder;
    }

    /// <summary>The folder that exists.</summary>
    public string Folder { get; }
}
