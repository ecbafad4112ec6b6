using System.Text.RegularExpressions;
using VideoSearch.Core.Errors;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// Makes the output folder ready for a set: an empty or missing folder is used; a folder holding the same set (its
/// manifest matches) is resumed, keeping its finished videos; any other non-empty folder is refused, or with
/// <see cref="SceneSetOptions.Force"/> cleared of the generator's own files (videos, rows, manifest) and used.
/// </summary>
internal static partial class SceneSetFolder
{
    /// <summary>Prepares the folder and returns whether an earlier run of the same set is being resumed.</summary>
    public static bool Prepare(SceneSetOptions options)
    {
        string folder = options.OutputFolder;
        if (File.Exists(folder)) throw new SceneSetException(ErrorKind.InvalidInput, $"The output {folder} is a file, not a folder.");
        SceneSetManifest wanted = SceneSetManifest.For(options);
        bool resume = false;
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            SceneSetManifest? found = SceneSetManifest.Read(folder);
            if (found == wanted)
            {
                resume = true;
            }
            else if (options.Force)
            {
                DeleteGeneratedFiles(folder);
            }
            else
            {
                string what = found is null ? "is not empty and holds no scene set" : $"holds a different scene set ({found.Describe()})";
                throw new SceneSetException(ErrorKind.InvalidInput,
                    $"The output folder {folder} {what}. Choose an empty folder, rerun with the same settings to resume, " +
                    "or use --force to replace the scene set there.");
            }
        }
        Directory.CreateDirectory(folder);
        foreach (SceneSplit split in SceneSetLayout.Splits) Directory.CreateDirectory(Path.Combine(folder, SceneSetLayout.FolderName(split)));
        DeletePartialFiles(folder);
        wanted.Write(folder);
        return resume;
    }

    /// <summary>Removes what a stopped run may have left half-written (files under the partial suffix).</summary>
    private static void DeletePartialFiles(string folder)
    {
        foreach (string path in Directory.EnumerateFiles(folder, "*" + SceneSetLayout.PartialSuffix, SearchOption.AllDirectories))
            File.Delete(path);
    }

    /// <summary>Deletes the videos, rows, manifest and augmentations a scene set consists of, and nothing else.</summary>
    private static void DeleteGeneratedFiles(string folder)
    {
        DeletePartialFiles(folder);
        File.Delete(Path.Combine(folder, SceneSetLayout.ManifestFileName));
        File.Delete(Path.Combine(folder, FineTuning.CaptionAugmentations.FileName));
        foreach (SceneSplit split in SceneSetLayout.Splits)
        {
            File.Delete(SceneSetLayout.RowsPath(folder, split));
            string videos = Path.Combine(folder, SceneSetLayout.FolderName(split));
            if (!Directory.Exists(videos)) continue;
            foreach (string path in Directory.EnumerateFiles(videos, "scenes-*.mp4").Where(p => VideoName().IsMatch(Path.GetFileName(p))))
                File.Delete(path);
        }
    }

    [GeneratedRegex(@"^scenes-\d{4}\.mp4$")]
    private static partial Regex VideoName();
}
