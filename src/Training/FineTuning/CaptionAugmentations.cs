using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Which captions stay true when a clip is played backwards or mirrored left to right, and what they become
/// (<c>--augment</c>; the scene generator writes one for its vocabulary). A backwards "moving left" is "moving right"
/// with the very same frames, which is what teaches a model that order matters: a model blind to it scores the two
/// captions alike and cannot lower the loss of either. A caption with no phrase of <see cref="TimeReversed"/> gets no
/// backwards copy (nothing says what it would show); every clip gets a mirrored copy, its phrases of
/// <see cref="Mirrored"/> swapped.
/// </summary>
public sealed record CaptionAugmentations(
    [property: JsonPropertyName("time_reversed")] IReadOnlyDictionary<string, string> TimeReversed,
    [property: JsonPropertyName("mirrored")] IReadOnlyDictionary<string, string> Mirrored)
{
    /// <summary>The file name the scene generator writes beside its rows.</summary>
    public const string FileName = "augmentations.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The file's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads an augmentations file.</summary>
    /// <exception cref="TrainingDataException">The file is missing or not an augmentations object.</exception>
    public static CaptionAugmentations Load(string path)
    {
        if (!File.Exists(path)) throw new TrainingDataException($"No such augmentations file: {Path.GetFullPath(path)}");
        try
        {
            var read = JsonSerializer.Deserialize<CaptionAugmentations>(File.ReadAllText(path), Json);
            if (read?.TimeReversed is null || read.Mirrored is null)
                throw new TrainingDataException($"{path} needs \"time_reversed\" and \"mirrored\" objects of phrase -> phrase.");
            return read;
        }
        catch (JsonException e) { throw new TrainingDataException($"{path} is not an augmentations file: {e.Message}", e); }
    }

    /// <summary>The caption of <paramref name="caption"/> played backwards, or null when none is known.</summary>
    public string? Reversed(string caption) => Swap(caption, TimeReversed);

    /// <summary>The caption of <paramref name="caption"/> mirrored (itself when no phrase changes).</summary>
    public string MirroredCaption(string caption) => Swap(caption, Mirrored) ?? caption;

    // The first phrase (longest first) found as whole words is replaced; the maps are symmetric, so one swap is all.
    private static string? Swap(string caption, IReadOnlyDictionary<string, string> phrases)
    {
        string padded = $" {caption} ";
        foreach (var (from, to) in phrases.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            int at = padded.IndexOf($" {from} ", StringComparison.Ordinal);
            if (at >= 0) return string.Concat(padded.AsSpan(1, at), to, padded.AsSpan(at + from.Length + 1, padded.Length - at - from.Length - 2));
        }
        return null;
    }
}
