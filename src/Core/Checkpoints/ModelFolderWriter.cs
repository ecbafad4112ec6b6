using VideoSearch.Core.Hub;
using VideoSearch.Core.Model;
using VideoSearch.Core.Text;

namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// Writes a complete model folder in the <c>save_pretrained</c> layout, loadable by <see cref="XClipModel.FromPretrained"/>
/// and by transformers' <c>XCLIPModel.from_pretrained</c>: <c>config.json</c>, <c>model.safetensors</c>, and the
/// tokenizer and processor files copied from the folder the model came from. Everything is written into a hidden
/// sibling folder, flushed to the disk, and renamed to the target only when complete, so a crash or a full disk never
/// leaves a folder under the target name that looks like a model but is not.
/// </summary>
public static class ModelFolderWriter
{
    /// <summary>The tokenizer and processor files copied when the source folder has them (the files a hub download fetches).</summary>
    public static IReadOnlyList<string> CopiedFiles => ModelLocator.OptionalFiles;

    /// <summary>
    /// Saves <paramref name="model"/> to <paramref name="targetFolder"/>, with the tokenizer and processor files of
    /// <paramref name="sourceFolder"/> (which must hold at least the tokenizer's <see cref="ClipModelFiles.RequiredFiles"/>).
    /// An existing target is replaced only when <paramref name="replace"/> is true and it is a model folder (it holds a
    /// <c>config.json</c>) or empty; the old one stays in place until the new one is complete.
    /// </summary>
    /// <exception cref="ModelFilesMissingException">The source folder lacks the tokenizer files.</exception>
    /// <exception cref="ModelFolderExistsException">The target exists and may not be replaced.</exception>
    /// <exception cref="InvalidOperationException">The model's weights are not float32 (see <see cref="StateDictWriter.Write"/>).</exception>
    /// <exception cref="CheckpointWriteException">The file system refused a write; the target is as it was.</exception>
    public static void Write(XClipModel model, string targetFolder, string sourceFolder, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(targetFolder);
        ArgumentException.ThrowIfNullOrEmpty(sourceFolder);
        ModelFilesMissingException.ThrowIfMissing(sourceFolder, ClipModelFiles.RequiredFiles);
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetFolder));
        CheckReplaceable(target, replace);

        string parent = Path.GetDirectoryName(target)!;
        string name = Path.GetFileName(target);
        string partial = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(partial);
            // Weights first: the largest write, and the one a full disk most likely stops.
            StateDictWriter.Write(model, Path.Combine(partial, "model.safetensors"));
            model.Config.Save(Path.Combine(partial, "config.json"));
            foreach (string file in CopiedFiles)
            {
                string from = Path.Combine(sourceFolder, file);
                if (File.Exists(from)) Copy(from, Path.Combine(partial, file));
            }
            Publish(partial, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CheckpointWriteException.From(target, e);
        }
        finally
        {
            TryDeleteFolder(partial);
        }
    }

    private static void CheckReplaceable(string target, bool replace)
    {
        if (File.Exists(target)) throw new ModelFolderExistsException(target, isModelFolder: false);
        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any()) return;
        bool isModelFolder = File.Exists(Path.Combine(target, "config.json"));
        if (!replace || !isModelFolder) throw new ModelFolderExistsException(target, isModelFolder);
    }

    /// <summary>Renames the finished folder to the target. An existing target is first moved aside, so between the two
    /// renames the name is absent (never half-written), and is deleted only once the new folder is in place.</summary>
    private static void Publish(string partial, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(partial, target);
            return;
        }
        string previous = partial + ".previous";
        Directory.Move(target, previous);
        try { Directory.Move(partial, target); }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
        TryDeleteFolder(previous);
    }

    private static void Copy(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        AtomicFile.Write(to, destination => source.CopyTo(destination));
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a hidden leftover folder never looks like the model, and the next save uses a new name.
        }
    }
}
