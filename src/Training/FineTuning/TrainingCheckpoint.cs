using TorchSharp.Modules;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Model;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Saves a run after an epoch as one folder: the model folder (config, weights with the upstream keys, tokenizer and
/// preprocessor files), <see cref="TrainerState.FileName"/> and <see cref="OptimizerFile"/>. The folder is built
/// beside the output and swapped in by two renames, so the output is always one whole epoch: a crash mid-save
/// leaves the previous epoch (at worst under <c>&lt;out&gt;.previous</c> for the instant between the renames, which
/// <see cref="Recover"/> puts back).
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>AdamW's moments and step counts, in TorchSharp's state-dict format.</summary>
    public const string OptimizerFile = "optimizer.bin";

    /// <summary>Writes the epoch to <paramref name="folder"/>, copying tokenizer and preprocessor files from <paramref name="filesFrom"/>.</summary>
    public static void Save(XClipModel model, OptimizerHelper optimizer, TrainerState state, string filesFrom, string folder)
    {
        string full = Path.GetFullPath(folder);
        Recover(full);
        string saving = $"{full}.saving", previous = $"{full}.previous";
        if (Directory.Exists(saving)) Directory.Delete(saving, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            ModelFolderWriter.Write(model, saving, filesFrom);
            optimizer.save_state_dict(Path.Combine(saving, OptimizerFile));
            AtomicFile.Write(Path.Combine(saving, TrainerState.FileName), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(state.ToJson())));
        }
        catch
        {
            if (Directory.Exists(saving)) Directory.Delete(saving, recursive: true);
            throw;
        }
        if (Directory.Exists(full)) Directory.Move(full, previous);
        Directory.Move(saving, full);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }

    /// <summary>Loads the optimiser state saved in <paramref name="folder"/> into <paramref name="optimizer"/>.</summary>
    public static void LoadOptimizer(OptimizerHelper optimizer, string folder)
    {
        string path = Path.Combine(folder, OptimizerFile);
        if (!File.Exists(path)) throw new TrainingDataException($"{folder} holds no {OptimizerFile}; it cannot be resumed.");
        optimizer.load_state_dict(path);
    }

    /// <summary>Puts back the previous epoch if a save was cut off between its two renames.</summary>
    public static void Recover(string folder)
    {
        string full = Path.GetFullPath(folder), previous = $"{full}.previous";
        if (!Directory.Exists(previous)) return;
        if (Directory.Exists(full)) Directory.Delete(previous, recursive: true);
        else Directory.Move(previous, full);
    }
}
