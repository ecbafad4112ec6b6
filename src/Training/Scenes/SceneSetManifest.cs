using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// The settings a scene set was generated with, stored beside it (<see cref="SceneSetLayout.ManifestFileName"/>). A
/// run into a folder whose manifest matches its own settings resumes it: those settings make the same videos, so the
/// ones already there are kept.
/// </summary>
/// <param name="Format">The generator's output version; a change to the drawing or the planning raises it.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Train">Videos in train/.</param>
/// <param name="Validation">Videos in validation/.</param>
/// <param name="Test">Videos in test/.</param>
/// <param name="FramesPerSecond">The frame rate.</param>
public sealed record SceneSetManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("train")] int Train,
    [property: JsonPropertyName("validation")] int Validation,
    [property: JsonPropertyName("test")] int Test,
    [property: JsonPropertyName("fps")] int FramesPerSecond)
{
    /// <summary>The current output version.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>The manifest of a set generated with <paramref name="options"/>.</summary>
    public static SceneSetManifest For(SceneSetOptions options) => new(
        CurrentFormat, options.Seed, options.TrainVideos, options.ValidationVideos, options.TestVideos, options.FramesPerSecond);

    /// <summary>The manifest in <paramref name="folder"/>, or null when there is none or it cannot be read as one.</summary>
    public static SceneSetManifest? Read(string folder)
    {
        string path = Path.Combine(folder, SceneSetLayout.ManifestFileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<SceneSetManifest>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes this manifest into <paramref name="folder"/>.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, SceneSetLayout.ManifestFileName), JsonSerializer.Serialize(this, s_json) + "\n");

    /// <summary>The settings in words, for messages: <c>seed 1, 200/20/30 videos, 25 fps</c>.</summary>
    public string Describe() => $"seed {Seed}, {Train}/{Validation}/{Test} videos, {FramesPerSecond} fps (format {Format})";
}
