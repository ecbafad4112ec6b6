using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>
/// A model folder lacks files that loading needs (<c>config.json</c>, <c>model.safetensors</c>, the tokenizer's
/// <c>vocab.json</c> and <c>merges.txt</c>). Every loading entry point (the locator for a local folder, the config,
/// model, tokenizer and inference loaders, the inspector) checks the files it needs before reading any and throws
/// this, so a missing file is the same failure (<see cref="ErrorKind.NotFound"/>) whichever command meets it.
/// </summary>
public sealed class ModelFilesMissingException : VideoSearchException
{
    /// <summary>Creates the exception for <paramref name="folder"/> lacking <paramref name="missingFiles"/> (file names).</summary>
    public ModelFilesMissingException(string folder, IReadOnlyList<string> missingFiles)
        : base(ErrorKind.NotFound, Describe(folder, missingFiles))
    {
        Folder = folder;
        MissingFiles = missingFiles;
    }

    /// <summary>The model folder.</summary>
    public string Folder { get; }

    /// <summary>The names of the files it lacks, in the order they were asked for.</summary>
    public IReadOnlyList<string> MissingFiles { get; }

    /// <summary>Throws when <paramref name="folder"/> lacks any of <paramref name="files"/>, naming every missing one.</summary>
    /// <exception cref="ModelFilesMissingException">The folder does not exist or lacks a file.</exception>
    public static void ThrowIfMissing(string folder, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        string[] missing = files.Where(f => !File.Exists(Path.Combine(folder, f))).ToArray();
        if (missing.Length > 0) throw new ModelFilesMissingException(folder, missing);
    }

    private static string Describe(string folder, IReadOnlyList<string> missingFiles)
    {
        string what = string.Join(", ", missingFiles);
        return Directory.Exists(folder)
            ? $"The model folder '{folder}' lacks {what}. Give a complete X-CLIP model folder (config.json, model.safetensors, vocab.json, merges.txt) or a hub id such as {ModelLocator.DefaultModel}."
            : $"The model folder '{folder}' does not exist (looked for {what}).";
    }
}
